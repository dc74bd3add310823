using DirectPayments.Domain.Platform;
using Microsoft.AspNetCore.Identity;

namespace DirectPayments.Data.Platform;

/// <summary>
/// A person who can sign in. Identity is platform-wide (one email, one account), so this is not a
/// tenant-owned row: council staff, people and PAs belong to one council; an organisation's staff
/// reach councils through the organisation's contracts.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Role Role { get; set; }

    /// <summary>The user's council, or null for an organisation's staff.</summary>
    public Guid? CouncilId { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>For an organisation's staff: the council they last chose to work in (checked against the contracts at every sign-in).</summary>
    public Guid? SelectedCouncilId { get; set; }

    /// <summary>A practitioner's or manager's team.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>A demo account seeded for the demo council. In development only, demo staff skip the one-time code.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeactivatedAt { get; set; }
}
