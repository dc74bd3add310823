namespace DirectPayments.Domain.Platform;

/// <summary>
/// A key that lets one of the council's own systems call the API. Only a hash of the secret is
/// stored; the key is shown once, when it is made.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>What the key is for, such as "Finance system nightly export".</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown so a person can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, in lower-case hex.</summary>
    public required string SecretHash { get; set; }

    /// <summary>Scopes, separated by spaces (see <see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool HasScope(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);
}

/// <summary>The scopes an API key can hold.</summary>
public static class ApiScopes
{
    public const string PeopleRead = "people:read";
    public const string PeopleWrite = "people:write";
    public const string JourneyRead = "journey:read";
    public const string JourneyWrite = "journey:write";
    public const string MoneyRead = "money:read";
    public const string MoneyWrite = "money:write";
    public const string StatementsPush = "statements:push";

    /// <summary>Every scope with a plain-English description.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PeopleRead] = "Read people's records",
        [PeopleWrite] = "Change people's contact details",
        [JourneyRead] = "Read direct payment arrangements, plans, decisions and tasks",
        [JourneyWrite] = "Start enquiries, record assessment outcomes and move direct payments between steps",
        [MoneyRead] = "Read direct payment accounts, balances, payment runs and monitoring flags",
        [MoneyWrite] = "Make payment runs and record money the council received or reclaimed",
        [StatementsPush] = "Send statement files and card transactions into direct payment accounts (for card providers and banks)",
    };
}

/// <summary>An invitation for a member of staff to join the council's platform, sent by email.</summary>
public sealed class Invitation : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public Role Role { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>SHA-256 of the token in the emailed link.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public Guid InvitedByUserId { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public bool IsOpenAt(DateTime utcNow) => AcceptedAt is null && CancelledAt is null && utcNow < ExpiresAt;
}
