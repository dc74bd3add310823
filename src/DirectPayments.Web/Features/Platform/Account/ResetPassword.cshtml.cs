using DirectPayments.Data.Platform;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DirectPayments.Web.Features.Platform.Account;

[AllowAnonymous]
[EnableRateLimiting(WebApp.PublicFormRateLimit)]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public string? Password { get; set; }

    public IActionResult OnGet() => UserId is null || string.IsNullOrEmpty(Token) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(nameof(Password), "This link has expired or has already been used. Ask for a new one");
            return Page();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a new password");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Success"] = "Your password has been changed. Sign in with your new password";
        return Redirect("/sign-in");
    }
}
