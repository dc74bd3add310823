using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Admin;

/// <summary>One account in the council: an administrator can reset its authenticator app or deactivate it.</summary>
[Authorize(Policy = Policies.CouncilAdmin)]
public sealed class UserModel(DpDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid UserId { get; set; }

    public AppUser Account { get; private set; } = null!;

    private async Task<AppUser?> FindAsync()
    {
        var council = db.CurrentCouncilId;
        return await db.Users.SingleOrDefaultAsync(u => u.Id == UserId && u.CouncilId == council);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await FindAsync();
        if (account is null)
        {
            return NotFound();
        }
        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync()
    {
        var account = await FindAsync();
        if (account is null)
        {
            return NotFound();
        }
        db.Actor.Reason = "Administrator reset the authenticator app";
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await users.UpdateSecurityStampAsync(account);
        TempData["Success"] = "Authenticator app reset. They will set it up again when they next sign in";
        return Redirect($"/admin/users/{account.Id}");
    }

    public async Task<IActionResult> OnPostDeactivateAsync()
    {
        var account = await FindAsync();
        if (account is null)
        {
            return NotFound();
        }
        if (account.Id == User.UserId())
        {
            return BadRequest();
        }
        db.Actor.Reason = "Administrator deactivated the account";
        account.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(account);
        await users.UpdateSecurityStampAsync(account);
        TempData["Success"] = "Account deactivated";
        return Redirect($"/admin/users/{account.Id}");
    }
}
