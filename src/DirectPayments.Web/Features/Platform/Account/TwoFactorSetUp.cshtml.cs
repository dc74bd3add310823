using DirectPayments.Data.Platform;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>
/// Sets up time-based one-time codes (RFC 6238) with ASP.NET Core Identity's authenticator token
/// provider. A new key is made when set-up starts; it takes effect only once a code from it is entered.
/// </summary>
[Authorize]
public sealed class TwoFactorSetUpModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public string FormattedKey { get; private set; } = "";

    public bool MustSetUp => User.NeedsTwoFactorSetUp();

    public bool AlreadySetUp { get; private set; }

    /// <summary>Starts again with a new key (a lost phone, say): the old app stops working at once.</summary>
    public async Task<IActionResult> OnPostRestartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/two-factor/set-up");
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        if (user.TwoFactorEnabled)
        {
            AlreadySetUp = true;
            return Page();
        }
        // Keep the key that is being set up until it is confirmed, so a reload shows the same QR code.
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            // A new key changes the security stamp, so this browser's sign-in is renewed to match.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        FormattedKey = Format(await users.GetAuthenticatorKeyAsync(user) ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        FormattedKey = Format(await users.GetAuthenticatorKeyAsync(user) ?? "");
        if (OneTimeCode.Check(Code, out var code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
            return Page();
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "The code is not right or has expired. Enter the code your app shows now");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        TempData["RecoveryCodes"] = string.Join(' ', recoveryCodes ?? []);
        return Redirect("/account/two-factor/recovery-codes");
    }

    private static string Format(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
}
