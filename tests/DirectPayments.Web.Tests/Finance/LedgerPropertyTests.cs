using System.Globalization;
using System.Text;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DirectPayments.Web.Tests.Finance.ImportTestData;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>
/// The randomised test of the ledger (issue #4): thousands of random operations from a seeded
/// <see cref="Random"/> (payments and reclaims posted as their services would post them, imports,
/// re-imports, overlapping statements with genuine twins, reversals, and crashes part way through an
/// import), checking every invariant after each one against an independent model.
/// </summary>
public abstract class LedgerPropertyTests(TestApp app)
{
    /// <summary>How many operations to run: thousands on SQLite, fewer on PostgreSQL.</summary>
    protected abstract int Operations { get; }

    private sealed class SimulatedCrash : Exception
    {
        public SimulatedCrash()
            : base("Simulated crash part way through an import")
        {
        }
    }

    /// <summary>One statement line the model knows about: the line's identity and its effect on the wallet.</summary>
    private sealed record ModelLine(DateOnly On, string Description, long Pence);

    [Fact]
    public async Task RandomOperations_KeepEveryLedgerInvariant()
    {
        app.SkipIfUnavailable();
        var council = await ExampleshireAsync(app);
        var (account, _) = await NewAccountAsync(app);
        var random = new Random(20261123);
        var start = new DateOnly(2026, 1, 1);

        // The independent model: the wallet balance, and how many of each identical statement line the ledger holds.
        long wallet = 0;
        var held = new Dictionary<(DateOnly, string, long), HashSet<int>>();
        var imports = new List<(Guid Id, List<ModelLine> Lines, bool Reversed, byte[] File)>();
        var snapshot = new Dictionary<long, string>();
        var counts = new Dictionary<string, int>();

        for (var step = 0; step < Operations; step++)
        {
            var roll = random.Next(100);
            var (scope, db) = app.OpenDatabase(council);
            string op;
            using (scope)
            {
                var money = scope.ServiceProvider.GetRequiredService<MoneyActions>();
                var importer = scope.ServiceProvider.GetRequiredService<StatementImporter>();
                var reversals = scope.ServiceProvider.GetRequiredService<LedgerReversals>();
                if (roll < 15)
                {
                    op = "payment";
                    var pence = random.Next(1, 100_000);
                    var run = new PaymentRun { Id = Guid.NewGuid(), Reference = "P" + step.ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6], PayOn = start, Status = PaymentRunStatus.Confirmed, CreatedByName = "Test" };
                    db.PaymentRuns.Add(run);
                    money.Post([Entry(account, council, LedgerBook.Wallet, LedgerBook.Council, pence, EntrySource.PaymentRun, run.Id, 1, start)], "paymentRun.confirmed", nameof(PaymentRun), run.Id.ToString());
                    await db.SaveChangesAsync();
                    wallet += pence;
                }
                else if (roll < 22)
                {
                    op = "reclaim";
                    var pence = random.Next(1, 20_000);
                    var reclaim = new Reclaim { Id = Guid.NewGuid(), AccountId = account, ArrangementId = (await db.DpAccounts.SingleAsync(a => a.Id == account)).ArrangementId, AmountPence = pence, DecidedByName = "Test" };
                    db.Reclaims.Add(reclaim);
                    money.Post([Entry(account, council, LedgerBook.Council, LedgerBook.Wallet, pence, EntrySource.Reclaim, reclaim.Id, 1, start)], "reclaim.recorded", nameof(Reclaim), reclaim.Id.ToString());
                    await db.SaveChangesAsync();
                    wallet -= pence;
                }
                else if (roll < 60 || imports.Count == 0)
                {
                    // A statement covering whole days, some of which may overlap earlier statements, with twins.
                    op = "import";
                    var first = start.AddDays(random.Next(0, 60));
                    var days = random.Next(1, 4);
                    var lines = new List<ModelLine>();
                    for (var d = 0; d < days; d++)
                    {
                        var on = first.AddDays(d);
                        // Every statement for a day shows the same lines: the day's lines are a function of the day.
                        var dayRandom = new Random(on.DayNumber);
                        var count = dayRandom.Next(1, 5);
                        for (var i = 0; i < count; i++)
                        {
                            var twin = dayRandom.Next(3) == 0 && lines.Count > 0 && lines[^1].On == on;
                            lines.Add(twin ? lines[^1] : new ModelLine(on, "SHOP " + dayRandom.Next(5).ToString(CultureInfo.InvariantCulture),
                                dayRandom.Next(2) == 0 ? -dayRandom.Next(1, 5000) : dayRandom.Next(1, 5000)));
                        }
                    }
                    var file = Csv(lines, step);
                    var crash = random.Next(10) == 0 && lines.Count > 1;
                    if (crash)
                    {
                        op = "crashed import";
                        var after = random.Next(1, lines.Count);
                        importer.AfterEachRowWritten = n =>
                        {
                            if (n >= after)
                            {
                                throw new SimulatedCrash();
                            }
                        };
                        await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync(Request(file), CancellationToken.None));
                    }
                    else
                    {
                        var outcome = await importer.ImportAsync(Request(file), CancellationToken.None);
                        Assert.True(outcome.Accepted, string.Join("; ", outcome.ProblemsForDisplay));
                        ApplyImport(outcome, lines);
                        imports.Add((outcome.Import.Id, lines, false, file));
                    }
                }
                else if (roll < 75)
                {
                    op = "re-import";
                    var index = random.Next(imports.Count);
                    var pick = imports[index];
                    var outcome = await importer.ImportAsync(Request(pick.File), CancellationToken.None);
                    if (pick.Reversed)
                    {
                        Assert.True(outcome.Accepted);
                        ApplyImport(outcome, pick.Lines);
                        imports[index] = (outcome.Import.Id, pick.Lines, false, pick.File);
                    }
                    else
                    {
                        Assert.True(outcome.AlreadyImported);
                    }
                }
                else if (roll < 85)
                {
                    op = "reverse import";
                    var index = random.Next(imports.Count);
                    var pick = imports[index];
                    var outcome = await reversals.ReverseImportAsync(pick.Id, "Property test", Who.System, CancellationToken.None);
                    if (pick.Reversed)
                    {
                        Assert.NotNull(outcome.Problem);
                    }
                    else
                    {
                        Assert.Null(outcome.Problem);
                        // Each reversed entry takes its line out of the ledger (and the model).
                        var reversedEntries = await db.LedgerEntries.AsNoTracking().Where(e => e.ReversesEntryId != null && e.SourceId == outcome.ReversalId).ToListAsync();
                        foreach (var r in reversedEntries)
                        {
                            var original = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == r.ReversesEntryId);
                            var signed = original.Credit == LedgerBook.Wallet ? -original.AmountPence : original.AmountPence;
                            Release(original, signed);
                            wallet -= signed;
                        }
                        imports[index] = pick with { Reversed = true };
                    }
                }
                else
                {
                    op = "reverse entry";
                    var candidates = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == account && e.Source != EntrySource.Reversal)
                        .Select(e => e.Id).ToListAsync();
                    var id = candidates[random.Next(candidates.Count)];
                    var original = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == id);
                    var already = await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == id);
                    var outcome = await reversals.ReverseEntryAsync(id, "Property test", Who.System, CancellationToken.None);
                    Assert.Equal(already, outcome.Problem is not null);
                    if (!already)
                    {
                        var signed = original.Debit == LedgerBook.Wallet ? original.AmountPence : original.Credit == LedgerBook.Wallet ? -original.AmountPence : 0;
                        wallet -= signed;
                        if (original.DedupKey is not null)
                        {
                            Release(original, original.Credit == LedgerBook.Wallet ? -original.AmountPence : original.AmountPence);
                        }
                    }
                }
            }
            counts[op] = counts.GetValueOrDefault(op) + 1;
            await CheckInvariantsAsync(council, account, wallet, held, snapshot, $"step {step} ({op})");
        }
        Assert.True(counts.GetValueOrDefault("crashed import") > 0 && counts.GetValueOrDefault("reverse import") > 0 && counts.GetValueOrDefault("re-import") > 0,
            string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));

        // A file with k identical lines holds occurrences 0..k-1 of that line; any the ledger lacks are added.
        void ApplyImport(ImportOutcome outcome, List<ModelLine> lines)
        {
            var added = 0;
            foreach (var group in lines.GroupBy(l => (l.On, l.Description, l.Pence)))
            {
                if (!held.TryGetValue(group.Key, out var have))
                {
                    held[group.Key] = have = [];
                }
                for (var n = 0; n < group.Count(); n++)
                {
                    if (have.Add(n))
                    {
                        wallet += group.Key.Pence;
                        added++;
                    }
                }
            }
            Assert.Equal(added, outcome.Added);
        }

        // A reversed statement entry gives up its occurrence, found from its dedup key.
        void Release(LedgerEntry original, long signed)
        {
            var set = held[(original.OccurredOn, original.Description, signed)];
            var n = Enumerable.Range(0, 64).First(i => DedupKeys.ForLine(account, original.OccurredOn, signed, StatementValues.Normalise(original.Description), i) == original.DedupKey);
            Assert.True(set.Remove(n));
        }

        ImportRequest Request(byte[] file) => new(new MemoryStream(file), "random.csv", "minimal", account, ImportChannel.Cli, new Who(null, "Property test"));
    }

    private static byte[] Csv(List<ModelLine> lines, int step)
    {
        var builder = new StringBuilder("Date,Description,Amount\n");
        foreach (var l in lines)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{l.On:dd/MM/yyyy},{l.Description},{l.Pence / 100m:0.00}\n");
        }
        // Trailing blank lines (ignored when read) make each step's file different bytes from every other step's.
        builder.Append('\n', step + 1);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static LedgerEntry Entry(Guid account, Guid council, LedgerBook debit, LedgerBook credit, long pence, EntrySource source, Guid sourceId, int line, DateOnly on) => new()
    {
        CouncilId = council, AccountId = account, Debit = debit, Credit = credit, AmountPence = pence, OccurredOn = on,
        Source = source, SourceId = sourceId, LineNumber = line, Description = source.ToString(),
    };

    private async Task CheckInvariantsAsync(Guid council, Guid account, long wallet, Dictionary<(DateOnly, string, long), HashSet<int>> held,
        Dictionary<long, string> snapshot, string where)
    {
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == account).OrderBy(e => e.Id).ToListAsync();

            // Every transaction's legs sum to zero, and each book's balance is the sum of its entries (the database agrees).
            foreach (var transaction in entries.GroupBy(e => (e.SourceId, e.LineNumber)))
            {
                Assert.Equal(0, transaction.Select(LedgerRules.Legs).Sum(l => l.Debit.Pence + l.Credit.Pence));
            }
            var balances = await scope.ServiceProvider.GetRequiredService<MoneyActions>().BalancesAsync(account);
            foreach (var book in Enum.GetValues<LedgerBook>())
            {
                Assert.True(LedgerRules.Balance(entries, book) == balances[book], $"{where}: {book} balance");
            }
            Assert.True(balances.Values.Sum(m => m.Pence) == 0, $"{where}: books do not sum to zero");

            // The wallet equals the independent model's.
            Assert.True(wallet == balances[LedgerBook.Wallet].Pence, $"{where}: wallet {balances[LedgerBook.Wallet].Pence}, model {wallet}");

            // No statement line counted twice: live (not reversed) statement entries per identical line match the model.
            var reversed = entries.Where(e => e.ReversesEntryId != null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
            var live = entries.Where(e => e.DedupKey != null && !reversed.Contains(e.Id)).ToList();
            Assert.True(live.Count == live.Select(e => e.DedupKey).Distinct().Count(), $"{where}: a dedup key is held twice");
            foreach (var group in live.GroupBy(e => (e.OccurredOn, e.Description, e.Credit == LedgerBook.Wallet ? -e.AmountPence : e.AmountPence)))
            {
                var model = held.TryGetValue(group.Key, out var set) ? set.Count : 0;
                Assert.True(model == group.Count(), $"{where}: {group.Key} held {group.Count()}, model {model}");
            }

            // Every entry is traceable to an existing source record.
            var sources = entries.Select(e => (e.Source, e.SourceId)).Distinct().ToList();
            foreach (var (source, id) in sources)
            {
                var exists = source switch
                {
                    EntrySource.Statement => await db.StatementImports.AnyAsync(i => i.Id == id && i.Status != ImportStatus.Rejected),
                    EntrySource.PaymentRun => await db.PaymentRuns.AnyAsync(r => r.Id == id),
                    EntrySource.Reclaim => await db.Reclaims.AnyAsync(r => r.Id == id),
                    EntrySource.Reversal => await db.AuditEntries.AnyAsync(a => a.RecordType == LedgerReversals.RecordType && a.RecordId == id.ToString()),
                    _ => false,
                };
                Assert.True(exists, $"{where}: {source} entry from {id} has no source record");
            }

            // No entry was ever changed or deleted.
            var now = entries.ToDictionary(e => e.Id, e => string.Join('|', e.AccountId, e.Debit, e.Credit, e.AmountPence, e.OccurredOn, e.Source, e.SourceId, e.LineNumber, e.DedupKey, e.Description, e.Category, e.ReversesEntryId));
            foreach (var (id, was) in snapshot)
            {
                Assert.True(now.TryGetValue(id, out var is_) && is_ == was, $"{where}: entry {id} changed or disappeared");
            }
            foreach (var (id, value) in now)
            {
                snapshot[id] = value;
            }
        }
    }
}

public sealed class LedgerPropertyTests_Sqlite(SqliteApp app) : LedgerPropertyTests(app), IClassFixture<SqliteApp>
{
    protected override int Operations => 2000;
}

public sealed class LedgerPropertyTests_Postgres(PostgresApp app) : LedgerPropertyTests(app), IClassFixture<PostgresApp>
{
    protected override int Operations => 300;
}
