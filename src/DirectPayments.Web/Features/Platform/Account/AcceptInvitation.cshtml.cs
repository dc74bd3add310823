using System.Security.Cryptography;
using System.Text;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>The page an invitation email links to: the new member of staff chooses a password and is signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebApp.PublicFormRateLimit)]
public sealed class AcceptInvitationModel(DpDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public string? Password { get; set; }

    public Invitation? Invitation { get; private set; }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<Invitation?> FindAsync()
    {
        if (string.IsNullOrEmpty(Token))
        {
            return null;
        }
        var hash = HashToken(Token);
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Invitation = await FindAsync();
        return Invitation is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Invitation = await FindAsync();
        if (Invitation is null)
        {
            return NotFound();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UserName = Invitation.Email, Email = Invitation.Email, EmailConfirmed = true,
            DisplayName = Invitation.DisplayName, Role = Invitation.Role, CouncilId = Invitation.CouncilId, TeamId = Invitation.TeamId, CreatedAt = now,
        };
        db.Actor.System("invitation", Invitation.CouncilId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            return Page();
        }
        Invitation.AcceptedAt = now;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(user.Role.IsStaff() ? "/account/two-factor/set-up" : "/home");
    }
}
