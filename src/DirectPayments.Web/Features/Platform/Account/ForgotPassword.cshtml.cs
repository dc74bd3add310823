using DirectPayments.Data.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Email;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>Emails a password reset link. The answer is the same whether or not the account exists, so the page cannot be used to find accounts.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebApp.PublicFormRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender email) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || ContactDetails.Validate(Email, null, null, null, false).Count > 0)
        {
            ModelState.AddModelError(nameof(Email), string.IsNullOrWhiteSpace(Email)
                ? "Enter your email address"
                : "Enter an email address in the correct format, like name@example.com");
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && user.DeactivatedAt is null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{Request.Scheme}://{Request.Host}/account/reset-password?userId={user.Id}&token={Uri.EscapeDataString(token)}";
            await email.SendAsync(new EmailMessage(user.Email!, "Reset your direct payments password",
                $"Hello {user.DisplayName},\n\nSomeone asked to reset the password for your direct payments account. If it was you, use this link to choose a new password. It works for 2 hours.\n\n{link}\n\nIf it was not you, you can ignore this email: your password has not changed.\n"));
        }
        Sent = true;
        return Page();
    }
}
