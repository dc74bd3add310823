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
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, DpDbContext db) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }
        if (OneTimeCode.Check(Code, out var code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Your account is locked because of too many attempts to sign in. Try again in 15 minutes");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), "The code is not right or has expired. Enter the code your app shows now");
            return Page();
        }
        SignedInAudit.Record(db, user, "user.signed-in", "With a one-time code");
        await db.SaveChangesAsync();
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }
}

/// <summary>Sign-in events go into the user's council's audit trail (an organisation's staff have none until they choose).</summary>
internal static class SignedInAudit
{
    public static void Record(DpDbContext db, AppUser user, string action, string? details)
    {
        if (user.CouncilId is { } council)
        {
            db.Actor.UserId = user.Id;
            db.Actor.Role = user.Role;
            db.Actor.Actor = "user";
            db.RecordAuditIn(council, action, "User", user.Id.ToString(), details);
        }
    }
}

/// <summary>What a person typed as a one-time code, checked for shape before it is verified.</summary>
internal static class OneTimeCode
{
    /// <summary>Returns the problem in plain English, or null with the code's digits.</summary>
    public static string? Check(string? typed, out string code)
    {
        code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            return "Enter the code from your authenticator app";
        }
        return code.Length != 6 || !code.All(char.IsAsciiDigit) ? "The code must be 6 numbers, like 123456" : null;
    }
}
