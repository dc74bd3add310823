using DirectPayments.Domain.Platform;

namespace DirectPayments.Data.Platform;

/// <summary>
/// Who is acting in this unit of work, and in which council. The web app fills it from the signed-in
/// user or API key; the command line sets it itself. The data layer filters every tenant-owned query
/// to <see cref="CouncilId"/> and writes the actor into audit entries.
/// </summary>
public sealed class ActorContext
{
    /// <summary>The council being worked in, or null when none is chosen (then no tenant-owned row is visible).</summary>
    public Guid? CouncilId { get; set; }

    public Guid? UserId { get; set; }

    public Role? Role { get; set; }

    /// <summary>How the actor is named in the audit trail, without personal data.</summary>
    public string Actor { get; set; } = "anonymous";

    /// <summary>A reason the person gave for the change being saved, written into its audit entries.</summary>
    public string? Reason { get; set; }

    public void SignedIn(Guid userId, Role role, Guid? councilId)
    {
        UserId = userId;
        Role = role;
        CouncilId = councilId;
        Actor = "user";
    }

    public void System(string name, Guid? councilId)
    {
        UserId = null;
        Role = null;
        CouncilId = councilId;
        Actor = $"system:{name}";
    }
}
