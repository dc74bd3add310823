using System.Security.Cryptography;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Platform.Account;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Email;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Admin;

/// <summary>A council administrator invites a member of staff by email. Only a hash of the link's token is stored.</summary>
[Authorize(Policy = Policies.CouncilAdmin)]
public sealed class InviteModel(DpDbContext db, IEmailSender email, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<Role> InvitableRoles = [.. RoleExtensions.All.Where(r => r.IsStaff())];

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public Role? Role { get; set; }
    [BindProperty] public Guid? TeamId { get; set; }

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public async Task OnGetAsync() => Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), "Enter their full name");
        }
        else if (DisplayName.Length > 200)
        {
            ModelState.AddModelError(nameof(DisplayName), "Full name must be 200 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter their email address");
        }
        else if (ContactDetails.Validate(Email, null, null, null, false).Count > 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedEmail == Email.Trim().ToUpperInvariant()))
        {
            ModelState.AddModelError(nameof(Email), "An account with this email address already exists");
        }
        if (Role is not { } role || !InvitableRoles.Contains(role))
        {
            ModelState.AddModelError(nameof(Role), "Select their role");
        }
        if (TeamId is { } team && Teams.All(t => t.Id != team))
        {
            ModelState.AddModelError(nameof(TeamId), "Select a team from the list");
        }
        else if (Role == Domain.Platform.Role.Practitioner && TeamId is null)
        {
            ModelState.AddModelError(nameof(TeamId), "Select the practitioner's team, so they can see their team's caseload");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Email = Email!.Trim(), DisplayName = DisplayName!.Trim(), Role = Role!.Value,
            TeamId = TeamId, TokenHash = AcceptInvitationModel.HashToken(token), CreatedAt = now, ExpiresAt = now.AddDays(7),
            InvitedByUserId = User.UserId() ?? Guid.Empty,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        var council = await db.Councils.Where(c => c.Id == db.CurrentCouncilId).Select(c => c.Name).SingleAsync();
        var link = $"{Request.Scheme}://{Request.Host}/account/accept-invitation?token={token}";
        await email.SendAsync(new EmailMessage(invitation.Email, $"You have been invited to {council}'s direct payments service",
            $"Hello {invitation.DisplayName},\n\nYou have been invited to use {council}'s direct payments service as a {invitation.Role.Label().ToLowerInvariant()}.\n\nCreate your account with this link. It works for 7 days.\n\n{link}\n\nYou will also set up an authenticator app on your phone, which staff need to sign in.\n"));
        TempData["Success"] = $"Invitation sent to {invitation.Email}";
        return Redirect("/admin/users");
    }
}
