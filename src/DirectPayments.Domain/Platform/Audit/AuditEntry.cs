namespace DirectPayments.Domain.Platform.Audit;

/// <summary>
/// One entry in a council's append-only audit trail. Entries are chained: each carries the hash of
/// the one before it in the same council, so an edited or deleted row breaks the chain (see <see cref="AuditChain"/>).
/// Entries hold ids and field names, never the values of personal data.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>Position in the council's chain, from 1 with no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When it happened (UTC, whole microseconds so that both databases store it exactly).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The user who acted, or null for an API key or the system.</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>Who acted, without personal data: "user", "api-key:{id}", "system:cli".</summary>
    public required string Actor { get; set; }

    /// <summary>The actor's role when they acted, if any.</summary>
    public string? ActorRole { get; set; }

    /// <summary>What happened, as a stable dotted code: "person.viewed", "person.updated", "user.invited".</summary>
    public required string Action { get; set; }

    /// <summary>The kind of record acted on, such as "Person" or "ApiKey".</summary>
    public required string RecordType { get; set; }

    public required string RecordId { get; set; }

    /// <summary>The person whose record this concerns, so a person can see who has looked at their record.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Why, where a reason was asked for.</summary>
    public string? Reason { get; set; }

    /// <summary>What changed: field names, counts or codes. Never personal data values.</summary>
    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
