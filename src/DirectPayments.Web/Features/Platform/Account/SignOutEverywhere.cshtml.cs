using DirectPayments.Data;
using DirectPayments.Data.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>
/// Changes the user's security stamp, which ends every other session at its next check
/// (Security:SessionCheckSeconds, a minute by default), and signs this browser out now.
/// </summary>
[Authorize]
public sealed class SignOutEverywhereModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, DpDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/account");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        db.Actor.Reason = "Signed out everywhere";
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/account/sign-out");
    }
}
