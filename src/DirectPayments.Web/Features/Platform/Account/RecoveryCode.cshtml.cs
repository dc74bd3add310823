using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DirectPayments.Web.Features.Platform.Account;

[AllowAnonymous]
[EnableRateLimiting(WebApp.SignInRateLimit)]
public sealed class RecoveryCodeModel(SignInManager<AppUser> signIn, DpDbContext db) : PageModel
{
    [BindProperty] public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }
        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter a recovery code");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
                ? "Your account is locked because of too many attempts to sign in. Try again in 15 minutes"
                : "The recovery code is not right or has already been used");
            return Page();
        }
        SignedInAudit.Record(db, user, "user.signed-in", "With a recovery code");
        await db.SaveChangesAsync();
        return Redirect("/home");
    }
}
