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
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, DpDbContext db) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null || user.DeactivatedAt is not null)
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address and password for your account");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), "Your account is locked because of too many attempts to sign in. Try again in 15 minutes, or reset your password");
            SignedInAudit.Record(db, user, "user.locked-out", null);
            await db.SaveChangesAsync();
            return Page();
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address and password for your account");
            return Page();
        }
        SignedInAudit.Record(db, user, "user.signed-in", "With a password");
        await db.SaveChangesAsync();
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Only a path on this site, never another site (an open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\' ? returnUrl : "/home";
}
