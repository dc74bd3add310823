using DirectPayments.Data.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Account;

[Authorize]
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public AppUser AccountUser { get; private set; } = null!;

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        AccountUser = user;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }
}
