using DirectPayments.Data.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>Shows recovery codes once, straight after they are made (set-up, or "make new recovery codes").</summary>
[Authorize]
public sealed class RecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData["RecoveryCodes"] is not string codes)
        {
            return Redirect("/account");
        }
        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return Redirect("/account");
        }
        Codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        return Page();
    }
}
