using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DirectPayments.Domain.Platform.Audit;

/// <summary>Hashing and verification of a council's audit chain.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a council's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Truncates an instant to whole microseconds, the precision PostgreSQL keeps.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>
    /// The SHA-256 of every field but the hash itself, each written with its length so that no two
    /// different entries can serialise to the same text.
    /// </summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        void Field(string? value)
        {
            if (value is null)
            {
                text.Append("-1:");
                return;
            }
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }
        Field(entry.Id.ToString("D"));
        Field(entry.CouncilId.ToString("D"));
        Field(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(entry.OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(entry.ActorUserId?.ToString("D"));
        Field(entry.Actor);
        Field(entry.ActorRole);
        Field(entry.Action);
        Field(entry.RecordType);
        Field(entry.RecordId);
        Field(entry.PersonId?.ToString("D"));
        Field(entry.Reason);
        Field(entry.Details);
        Field(entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Links an entry to the one before it (or to the start of the chain) and seals it.</summary>
    public static void Seal(AuditEntry entry, long previousSequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.OccurredAt = ToStoredPrecision(entry.OccurredAt);
        entry.Hash = ComputeHash(entry);
    }

    /// <summary>
    /// Checks one council's entries, in sequence order from the first: each must follow on from the
    /// one before, with no gap, and hash to its stored value. Returns the first problem found, or null.
    /// </summary>
    public static AuditChainProblem? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        var expectedSequence = 1L;
        var previousHash = Genesis;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new AuditChainProblem(expectedSequence,
                    $"Entry {expectedSequence.ToString(CultureInfo.InvariantCulture)} is missing: the next entry found is {entry.Sequence.ToString(CultureInfo.InvariantCulture)}");
            }
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditChainProblem(entry.Sequence,
                    $"Entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} does not follow on from the entry before it");
            }
            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditChainProblem(entry.Sequence,
                    $"Entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} has been changed since it was written");
            }
            previousHash = entry.Hash;
            expectedSequence++;
        }
        return null;
    }
}

/// <summary>Where a chain stops being trustworthy, and why, in plain English.</summary>
public sealed record AuditChainProblem(long Sequence, string Message);
