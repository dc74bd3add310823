using System.Security.Claims;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Web.Platform.Identity;

/// <summary>The claims the sign-in cookie carries, and how to read them.</summary>
public static class AppClaims
{
    public const string Role = "dp:role";
    public const string Council = "dp:council";
    public const string Team = "dp:team";
    public const string TwoFactorSetUpClaim = "dp:needs-2fa-set-up";
    public const string OrganisationStaff = "dp:organisation";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Role? AppRole(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(Role), out var role) ? role : null;

    public static Guid? CouncilId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Council), out var id) ? id : null;

    public static Guid? TeamId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Team), out var id) ? id : null;

    public static bool NeedsTwoFactorSetUp(this ClaimsPrincipal user) => user.HasClaim(TwoFactorSetUpClaim, "true");

    public static bool IsOrganisationStaff(this ClaimsPrincipal user) => user.HasClaim(OrganisationStaff, "true");
}
