using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectPayments.Web.Platform.Identity;

/// <summary>
/// Builds the signed-in user's claims: role, council and team, and whether a member of staff must
/// still set up an authenticator app. An organisation's staff get a council only while a contract
/// with it is in force.
/// </summary>
public sealed class AppClaimsFactory(
    UserManager<AppUser> users,
    IOptions<IdentityOptions> options,
    DpDbContext db,
    TimeProvider clock,
    TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Identity names the user by their user name (the email address); pages greet people by their name.
        foreach (var name in identity.FindAll(ClaimTypes.Name).ToList())
        {
            identity.RemoveClaim(name);
        }
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new Claim(AppClaims.Role, user.Role.ToString()));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(AppClaims.Team, team.ToString()));
        }
        var council = user.CouncilId;
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(AppClaims.OrganisationStaff, "true"));
            council = null;
            if (user.SelectedCouncilId is { } selected)
            {
                var today = clock.TodayInEngland();
                var contracts = await db.OrganisationContracts.IgnoreQueryFilters().AsNoTracking()
                    .Where(c => c.OrganisationId == organisation && c.CouncilId == selected)
                    .ToListAsync();
                council = contracts.Any(c => c.IsInForceOn(today)) ? selected : null;
            }
        }
        if (council is { } councilId)
        {
            identity.AddClaim(new Claim(AppClaims.Council, councilId.ToString()));
        }
        if (twoFactor.MustSetUp(user))
        {
            identity.AddClaim(new Claim(AppClaims.TwoFactorSetUpClaim, "true"));
        }
        return identity;
    }
}

/// <summary>
/// Every staff role must use a one-time code. The only exception is the seeded demo staff while the
/// app runs in the Development environment with <c>Demo:SkipTwoFactor</c> on; never in production.
/// </summary>
public sealed class TwoFactorPolicy(IHostEnvironment environment, IConfiguration configuration)
{
    public bool DemoStaffSkip { get; } = environment.IsDevelopment() && configuration.GetValue("Demo:SkipTwoFactor", true);

    public bool MustSetUp(AppUser user) =>
        user.Role.IsStaff() && !user.TwoFactorEnabled && !(user.IsDemo && DemoStaffSkip);
}
