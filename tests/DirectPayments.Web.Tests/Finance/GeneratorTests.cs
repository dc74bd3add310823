using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DirectPayments.Cli.Generation;
using DirectPayments.Domain.Finance;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance.Monitoring;
using DirectPayments.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>
/// <c>dp generate</c> (issue #4, item 11): the data is the same for the same seed, what it writes to
/// the database is what it generated, and every planted flag is the only flag its account raises by
/// the exact definitions (and by the real monitoring run), with every other account clean.
/// </summary>
public abstract class GeneratorTests(TestApp app)
{
    private static readonly GenerateOptions Tiny = new(Accounts: 20, Months: 2, Councils: 2, Seed: 7);

    [Fact]
    public async Task Write_TinyScale_DatabaseHoldsExactlyTheGeneratedRowsWithTheSameHash()
    {
        app.SkipIfUnavailable();
        var token = TestContext.Current.CancellationToken;
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(token);
            var result = await new GeneratedDataWriter(connection, Tiny, TextWriter.Null).WriteAsync(token);

            // The hash of the rows as stored, read back in the order they were written, is the generator's hash, and the in-memory one.
            Assert.Equal(GeneratedDataWriter.Hash(Tiny), result.LedgerSha256);
            Assert.Equal(result.LedgerSha256, await HashFromDatabaseAsync(connection, token));
            Assert.Equal(6, result.Planted.Count);
            Assert.Equal(Enum.GetValues<FlagKind>().Order(), result.Planted.Select(p => p.Kind).Order());

            // Every account is Active with a schedule, and each wallet balance in the database is the generated one.
            var accounts = SyntheticPlan.Accounts(Tiny);
            var stored = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => accounts.Select(a => a.Id).Contains(e.AccountId))
                .GroupBy(e => e.AccountId)
                .Select(g => new { g.Key, Wallet = g.Sum(e => (e.Debit == LedgerBook.Wallet ? e.AmountPence : 0) - (e.Credit == LedgerBook.Wallet ? e.AmountPence : 0)), Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, token);
            foreach (var account in accounts)
            {
                var entries = SyntheticPlan.Entries(account, Tiny.HistoryStartsOn, Tiny.RunDate, Tiny.RunDate);
                var wallet = entries.Sum(e => (e.Debit == LedgerBook.Wallet ? e.AmountPence : 0) - (e.Credit == LedgerBook.Wallet ? e.AmountPence : 0));
                Assert.Equal((wallet, entries.Count), (stored[account.Id].Wallet, stored[account.Id].Count));
            }
            var councils = Enumerable.Range(0, Tiny.Councils).Select(c => SyntheticPlan.IdFor(Tiny.Seed, 0, c)).ToList();
            var active = await db.Arrangements.IgnoreQueryFilters().CountAsync(a => councils.Contains(a.CouncilId) && a.Stage == Domain.Journey.Stage.Active, token);
            var schedules = await db.PaymentSchedules.IgnoreQueryFilters().CountAsync(s => accounts.Select(a => a.Id).Contains(s.AccountId), token);
            Assert.Equal((20, 20), (active, schedules));

            // The real monitoring run finds every planted flag and nothing else in the generated councils.
            var outcome = await app.Services.GetRequiredService<MonitoringRun>().RunAsync(Tiny.RunDate, incremental: false, token);
            Assert.True(outcome.AccountsChecked >= 20, $"{outcome.AccountsChecked} accounts checked");
                        var open = await db.MoneyFlags.IgnoreQueryFilters().AsNoTracking()
                .Where(f => f.Status == FlagStatus.Open && councils.Contains(f.CouncilId))
                .Join(db.DpAccounts.IgnoreQueryFilters(), f => f.AccountId, a => a.Id, (f, a) => new { a.Reference, f.Kind })
                .ToListAsync(token);
            Assert.Equal(result.Planted.Select(p => (p.AccountReference, p.Kind)).Order(), open.Select(o => (o.Reference, o.Kind)).Order());

            // A second run into the same database is refused and adds nothing.
            var before = await db.LedgerEntries.IgnoreQueryFilters().CountAsync(token);
            var again = await Assert.ThrowsAsync<InvalidOperationException>(() => new GeneratedDataWriter(connection, Tiny, TextWriter.Null).WriteAsync(token));
            Assert.Contains("already holds generated councils", again.Message, StringComparison.Ordinal);
            Assert.Equal(before, await db.LedgerEntries.IgnoreQueryFilters().CountAsync(token));
        }
    }

    /// <summary>The stored rows of the generated councils, in id order, hashed the way the generator hashes them.</summary>
    private static async Task<string> HashFromDatabaseAsync(DbConnection connection, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT a.reference, e.debit, e.credit, e.amount_pence, e.occurred_on, e.description, e.payee, e.category " +
            "FROM ledger_entries e JOIN dp_accounts a ON a.id = e.account_id JOIN councils c ON c.id = e.council_id " +
            "WHERE c.slug LIKE 'generated-%' ORDER BY e.id";
        await using var reader = await command.ExecuteReaderAsync(token);
        var buffer = new StringBuilder();
        while (await reader.ReadAsync(token))
        {
            var on = reader.GetValue(4) switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                var v => DateOnly.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            };
            GeneratedDataWriter.HashLine(buffer, reader.GetString(0), (LedgerBook)Convert.ToInt16(reader.GetValue(1), CultureInfo.InvariantCulture),
                (LedgerBook)Convert.ToInt16(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetInt64(3), on, reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(buffer.ToString())));
    }
}

public sealed class GeneratorTests_Sqlite(SqliteApp app) : GeneratorTests(app), IClassFixture<SqliteApp>;

public sealed class GeneratorTests_Postgres(PostgresApp app) : GeneratorTests(app), IClassFixture<PostgresApp>;

/// <summary>The generator's own consistency, without a database: determinism, planted flags by the definitions, and the statement files' answers.</summary>
public sealed class GeneratorPlanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dp-generator-tests", Guid.NewGuid().ToString("N"));

    public GeneratorPlanTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public void Hash_SameSeed_SameData_AndAnotherSeed_OtherData()
    {
        var options = new GenerateOptions(20, 2);

        Assert.Equal(GeneratedDataWriter.Hash(options), GeneratedDataWriter.Hash(options with { }));
        Assert.NotEqual(GeneratedDataWriter.Hash(options), GeneratedDataWriter.Hash(options with { Seed = 2 }));
    }

    [Theory]
    [InlineData(20, 2, 1)]
    [InlineData(4_000, 12, 3)]
    public void PlantedFlags_AreExactlyWhatTheDefinitionsRaise_OnTheRunDateAndTheDayAfter(int accounts, int months, int seed)
    {
        var options = new GenerateOptions(accounts, months, Seed: seed);
        var list = SyntheticPlan.Accounts(options);
        foreach (var day in new[] { options.RunDate, options.RunDate.AddDays(1) })
        {
            var raised = new List<(string Reference, FlagKind Kind)>();
            foreach (var account in list)
            {
                var entries = SyntheticPlan.Entries(account, options.HistoryStartsOn, day, options.RunDate);
                raised.AddRange(FlagOracle.Flags(account, entries, day, SyntheticPlan.PlanCategories).Select(k => (account.Reference, k)));
            }
            var planted = list.Where(a => a.Planted is not null).Select(a => (a.Reference, a.Planted!.Value)).ToList();

            Assert.Equal(planted.Order(), raised.Order());
        }
        Assert.Equal(options.PlantedPerKind * 6, list.Count(a => a.Planted is not null));
        Assert.InRange(list.Count(a => a.HasTwin), Math.Max(1, accounts / 50), accounts / 40 + 1);
    }

    [Fact]
    public void TwinPurchases_AreTwoIdenticalLinesOnOneDay_WithDifferentTransactionIds()
    {
        var options = new GenerateOptions(20, 2);
        var twin = SyntheticPlan.Accounts(options).Single(a => a.HasTwin);

        var entries = SyntheticPlan.Entries(twin, options.HistoryStartsOn, options.RunDate, options.RunDate);
        var pairs = entries.Where(e => e.Source == EntrySource.Statement)
            .GroupBy(e => (e.OccurredOn, e.AmountPence, e.Description)).Where(g => g.Count() == 2).ToList();

        var pair = Assert.Single(pairs);
        Assert.Equal(2, pair.Select(e => e.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task StatementFiles_HaveTheExactRowCount_AndTheOverlapAnswerMatchesTheFiles()
    {
        var token = TestContext.Current.CancellationToken;
        var options = new GenerateOptions(100, 2);

        var (first, overlap) = await StatementFiles.WriteAsync(options, _folder, 2_000, TextWriter.Null, token);

        var firstLines = (await File.ReadAllLinesAsync(Path.Combine(_folder, first.File), token)).Skip(1).ToList();
        var overlapLines = (await File.ReadAllLinesAsync(Path.Combine(_folder, overlap.File), token)).Skip(1).ToList();
        Assert.Equal((2_000, 2_000L), (firstLines.Count, first.Rows));
        Assert.Equal(overlapLines.Count, overlap.Rows);
        var ids = firstLines.Select(l => l.Split(',')[2]).ToHashSet();
        Assert.Equal(firstLines.Count, ids.Count);
        var fresh = overlapLines.Count(l => !ids.Contains(l.Split(',')[2]));
        Assert.Equal(fresh, overlap.NewRows);
        // About half of the overlapping file is already in the first.
        Assert.InRange(overlap.Rows - overlap.NewRows, overlap.Rows * 0.35, overlap.Rows * 0.65);
        // Identical twin purchases on the overlap days are in both files, and more on the new days.
        Assert.True(overlap.OverlapTwinPairs > 0 && overlap.TwinPairs > overlap.OverlapTwinPairs, $"{overlap}");
        var twinLines = overlapLines.GroupBy(l => string.Join(',', l.Split(',').Where((_, i) => i is 0 or 1 or 4 or 5))).Count(g => g.Count() >= 2);
        Assert.True(twinLines >= overlap.TwinPairs, $"{twinLines} groups of identical lines, {overlap.TwinPairs} twin pairs");
        // Each card's running balance follows from its amounts.
        foreach (var card in firstLines.Select(l => l.Split(',')).GroupBy(f => f[1]))
        {
            var rows = card.ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.Equal(Pence(rows[i - 1][6]) + Pence(rows[i][5]), Pence(rows[i][6]));
            }
        }
    }

    [Fact]
    public async Task DpGenerate_IntoSqliteAndFiles_WritesAnswersWithTheGeneratorsHash()
    {
        using var dp = new DpProcess();
        var migrate = await dp.RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);

        var result = await dp.RunAsync("generate", "--accounts", "20", "--months", "2", "--seed", "3", "--database", "--out", _folder, "--statement-rows", "200");

        Assert.True(result.ExitCode == 0, result.Error);
        var answers = await GeneratorAnswers.ReadAsync(Path.Combine(_folder, "answers.json"), TestContext.Current.CancellationToken);
        Assert.Equal(GeneratedDataWriter.Hash(new GenerateOptions(20, 2, Seed: 3)), answers.LedgerSha256);
        Assert.Equal(6, answers.Planted.Count);
        Assert.Equal(200, answers.Statement!.Rows);
        Assert.True(File.Exists(Path.Combine(_folder, "statement-2-overlap.csv")));
        await using var db = dp.OpenDatabase();
        Assert.Equal(answers.Entries, await db.LedgerEntries.IgnoreQueryFilters().LongCountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action == "finance.generated", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DpGenerate_TooFewAccounts_SaysHowManyAreNeeded()
    {
        using var dp = new DpProcess();

        var result = await dp.RunAsync("generate", "--accounts", "5", "--out", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12 accounts", result.Error, StringComparison.Ordinal);
    }

    private static long Pence(string pounds) => (long)Math.Round(decimal.Parse(pounds, CultureInfo.InvariantCulture) * 100m);
}
