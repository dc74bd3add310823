using DirectPayments.Domain.Platform.Audit;
using Xunit;

namespace DirectPayments.Domain.Tests.Platform;

public sealed class AuditChainTests
{
    private static readonly Guid Council = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var hash = AuditChain.Genesis;
        for (var i = 0; i < length; i++)
        {
            var entry = new AuditEntry
            {
                Id = Guid.Parse($"0190a000-0000-7000-8000-{i + 1:D12}"), CouncilId = Council,
                OccurredAt = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc).AddTicks(1234567 * i),
                ActorUserId = i % 2 == 0 ? Guid.Parse("0190a000-0000-7000-8000-00000000aaaa") : null,
                Actor = i % 2 == 0 ? "user" : "system:test", ActorRole = i % 2 == 0 ? "Practitioner" : null,
                Action = "person.viewed", RecordType = "Person", RecordId = $"record-{i}",
                PersonId = Guid.Parse("0190a000-0000-7000-8000-00000000bbbb"), Reason = i == 3 ? "Review" : null,
                PreviousHash = "", Hash = "",
            };
            AuditChain.Seal(entry, i, hash);
            hash = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    [Fact]
    public void Verify_UntouchedChain_FindsNoProblem()
    {
        var chain = Chain(50);
        Assert.Null(AuditChain.Verify(chain));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
    }

    [Fact]
    public void Seal_TruncatesTimeToMicroseconds_SoBothDatabasesStoreTheHashedValue()
    {
        var chain = Chain(3);
        Assert.All(chain, e => Assert.Equal(0, e.OccurredAt.Ticks % 10));
    }

    [Theory]
    [InlineData("Action")]
    [InlineData("Reason")]
    [InlineData("ActorUserId")]
    [InlineData("OccurredAt")]
    [InlineData("RecordId")]
    public void Verify_ChangedField_NamesTheChangedEntry(string field)
    {
        var chain = Chain(10);
        var entry = chain[6];
        switch (field)
        {
            case "Action": entry.Action = "person.updated"; break;
            case "Reason": entry.Reason = "Altered"; break;
            case "ActorUserId": entry.ActorUserId = Guid.NewGuid(); break;
            case "OccurredAt": entry.OccurredAt = entry.OccurredAt.AddSeconds(1); break;
            default: entry.RecordId = "another"; break;
        }
        var problem = AuditChain.Verify(chain);
        Assert.NotNull(problem);
        Assert.Equal(7, problem.Sequence);
        Assert.Equal("Entry 7 has been changed since it was written", problem.Message);
    }

    [Fact]
    public void Verify_DeletedEntry_ReportsTheGap()
    {
        var chain = Chain(10);
        chain.RemoveAt(4);
        var problem = AuditChain.Verify(chain);
        Assert.NotNull(problem);
        Assert.Equal(5, problem.Sequence);
        Assert.Contains("Entry 5 is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RehashedEntry_BreaksTheLinkToTheNext()
    {
        // Someone changes an entry and recomputes its hash: the next entry no longer follows on.
        var chain = Chain(10);
        chain[2].Reason = "Covered up";
        chain[2].Hash = AuditChain.ComputeHash(chain[2]);
        var problem = AuditChain.Verify(chain);
        Assert.NotNull(problem);
        Assert.Equal(4, problem.Sequence);
        Assert.Equal("Entry 4 does not follow on from the entry before it", problem.Message);
    }

    [Fact]
    public void ComputeHash_FieldsRunTogether_StillDiffer()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        a.Action = "ab";
        a.RecordType = "c";
        b.Action = "a";
        b.RecordType = "bc";
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }
}
