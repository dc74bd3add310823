using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>What one monitoring run did, over every council.</summary>
/// <param name="RunOn">The run date T.</param>
/// <param name="Incremental">True when the totals were brought up to date from the new entries only.</param>
/// <param name="Councils">Councils monitored.</param>
/// <param name="AccountsChecked">Active accounts evaluated.</param>
/// <param name="Raised">New flags, by kind (every kind is present, zero or more).</param>
/// <param name="StillOpen">Conditions found again where a flag of that kind was already open (not raised twice).</param>
public sealed record MonitorOutcome(DateOnly RunOn, bool Incremental, int Councils, int AccountsChecked, IReadOnlyDictionary<FlagKind, int> Raised, int StillOpen)
{
    public int RaisedTotal => Raised.Values.Sum();
}

/// <summary>
/// The monitoring run (issue #4, item 5): for every active account in every council, sums the
/// ledger in set-based SQL, evaluates <see cref="MonitoringRules"/> and raises each new flag with a
/// supportive conversation task. Entries are never loaded into EF: one GROUP BY folds all-time
/// totals into <see cref="MonitoringTotals"/> (only the entries since the watermark when
/// incremental), and two queries read the recent rows for outflow, outside-plan spend and duplicates.
/// </summary>
public sealed class MonitoringRun(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MonitoringRun> log)
{
    /// <summary>The system actor named in audit entries.</summary>
    public const string ActorName = "monitoring";

    /// <summary>Days a supportive conversation task is due in.</summary>
    public const int ConversationDueDays = 14;

    private const int SaveBatch = 500;

    private static readonly IReadOnlySet<CostCategory> NoCategories = new HashSet<CostCategory>();

    public async Task<MonitorOutcome> RunAsync(DateOnly today, bool incremental, CancellationToken ct)
    {
        List<Guid> councils;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
            councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        }
        var raised = Enum.GetValues<FlagKind>().ToDictionary(k => k, _ => 0);
        int accounts = 0, stillOpen = 0;
        foreach (var councilId in councils)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
            db.Actor.System(ActorName, councilId);
            var result = await RunCouncilAsync(db, councilId, today, incremental, ct);
            accounts += result.Accounts;
            stillOpen += result.StillOpen;
            foreach (var (kind, count) in result.Raised)
            {
                raised[kind] += count;
            }
        }
        log.LogInformation("Monitoring for {Today} checked {Accounts} accounts in {Councils} councils and raised {Raised} flags",
            today, accounts, councils.Count, raised.Values.Sum());
        return new MonitorOutcome(today, incremental, councils.Count, accounts, raised, stillOpen);
    }

    private sealed record CouncilResult(int Accounts, Dictionary<FlagKind, int> Raised, int StillOpen);

    private sealed record ScheduleRow(Guid AccountId, DateOnly StartsOn, DateOnly? EndsOn, PaymentFrequency Frequency, long WeeklyBudgetPence, long WeeklyContributionPence);

    private async Task<CouncilResult> RunCouncilAsync(DpDbContext db, Guid councilId, DateOnly today, bool incremental, CancellationToken ct)
    {
        var settings = await MonitoringSettingsQuery.CurrentAsync(db, today, ct);
        await FoldTotalsAsync(db, councilId, incremental, clock.GetUtcNow().UtcDateTime, ct);

        var totals = await db.Set<MonitoringTotals>().AsNoTracking()
            .ToDictionaryAsync(t => t.AccountId, t => (t.WalletPence, t.OutflowPence, t.ContributionsPence), ct);

        // Recent rows, summed by account, book and category: outflow in 28 days and spending in 84.
        var from84 = today.AddDays(-(MonitoringRules.OutsidePlanDays - 1));
        var from28 = today.AddDays(-(MonitoringRules.OutflowDays - 1));
        var recent = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.OccurredOn >= from84 && e.OccurredOn <= today && e.Credit == LedgerBook.Wallet && (e.Debit == LedgerBook.Spending || e.Debit == LedgerBook.Cash))
            .GroupBy(e => new { e.AccountId, e.Debit, e.Category })
            .Select(g => new { g.Key.AccountId, g.Key.Debit, g.Key.Category, Out28 = g.Sum(e => e.OccurredOn >= from28 ? e.AmountPence : 0), All = g.Sum(e => e.AmountPence) })
            .ToListAsync(ct);
        var outflow28 = new Dictionary<Guid, long>();
        var spending = new Dictionary<Guid, Dictionary<CostCategory, long>>();
        foreach (var r in recent)
        {
            outflow28[r.AccountId] = outflow28.GetValueOrDefault(r.AccountId) + r.Out28;
            if (r.Debit == LedgerBook.Spending && r.Category is { } category)
            {
                AddSpending(spending, r.AccountId, category, r.All);
            }
        }

        // A category chosen by hand (the newest note with one) overrides the entry's.
        var notes = await (from n in db.EntryNotes.AsNoTracking()
                           where n.Category != null
                           join e in db.LedgerEntries.AsNoTracking() on n.EntryId equals e.Id
                           where e.OccurredOn >= from84 && e.OccurredOn <= today && e.Credit == LedgerBook.Wallet && e.Debit == LedgerBook.Spending
                           select new { n.EntryId, n.At, n.Category, e.AccountId, EntryCategory = e.Category, e.AmountPence }).ToListAsync(ct);
        foreach (var note in notes.GroupBy(n => n.EntryId).Select(g => g.OrderByDescending(n => n.At).First()))
        {
            if (note.EntryCategory is { } old)
            {
                AddSpending(spending, note.AccountId, old, -note.AmountPence);
            }
            AddSpending(spending, note.AccountId, note.Category!.Value, note.AmountPence);
        }

        // Candidate duplicates: recent spending of at least the minimum, with a payee.
        var duplicatesFrom = today.AddDays(-(MonitoringRules.DuplicateRecentDays - 1 + settings.DuplicateWithinDays));
        var minimum = settings.DuplicateMinimumPence;
        var candidates = new Dictionary<Guid, List<(string, long, DateOnly)>>();
        await foreach (var d in db.LedgerEntries.AsNoTracking()
            .Where(e => e.OccurredOn >= duplicatesFrom && e.OccurredOn <= today && e.Credit == LedgerBook.Wallet && e.Debit == LedgerBook.Spending
                && e.AmountPence >= minimum && e.Payee != null)
            .Select(e => new { e.AccountId, e.Payee, e.AmountPence, e.OccurredOn }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!candidates.TryGetValue(d.AccountId, out var list))
            {
                candidates[d.AccountId] = list = [];
            }
            list.Add((d.Payee!, d.AmountPence, d.OccurredOn));
        }

        var schedules = (await db.PaymentSchedules.AsNoTracking()
                .Select(s => new ScheduleRow(s.AccountId, s.StartsOn, s.EndsOn, s.Frequency, s.WeeklyBudgetPence, s.WeeklyContributionPence)).ToListAsync(ct))
            .ToLookup(s => s.AccountId);
        var planCategories = await PlanCategoriesAsync(db, ct);
        var open = (await db.MoneyFlags.AsNoTracking().Where(f => f.Status == FlagStatus.Open).Select(f => new { f.AccountId, f.Kind }).ToListAsync(ct))
            .Select(f => (f.AccountId, f.Kind)).ToHashSet();
        var teams = await db.People.AsNoTracking().Select(p => new { p.Id, p.TeamId }).ToDictionaryAsync(p => p.Id, p => p.TeamId, ct);

        var active = await (from a in db.DpAccounts.AsNoTracking()
                            join ar in db.Arrangements.AsNoTracking() on a.ArrangementId equals ar.Id
                            where ar.Stage == Stage.Active && a.ClosedOn == null
                            orderby a.Id
                            select new { a.Id, a.ArrangementId, a.PersonId }).ToListAsync(ct);

        var raised = Enum.GetValues<FlagKind>().ToDictionary(k => k, _ => 0);
        var stillOpen = 0;
        var pending = 0;
        var now = clock.GetUtcNow();
        foreach (var account in active)
        {
            var accountSchedules = schedules[account.Id].OrderBy(s => s.StartsOn).ToList();
            var inForce = accountSchedules.LastOrDefault(s => s.StartsOn <= today && (s.EndsOn is null || s.EndsOn > today));
            if (inForce is null)
            {
                continue;
            }
            var total = totals.GetValueOrDefault(account.Id);
            long expected = 0;
            foreach (var s in accountSchedules)
            {
                expected += PaymentDates.PerPeriodPence(s.WeeklyContributionPence, s.Frequency) * PaymentDates.CountDueOnOrBefore(s.StartsOn, s.EndsOn, s.Frequency, today);
            }
            var categories = planCategories.TryGetValue(account.ArrangementId, out var c) ? c : NoCategories;
            var (outsidePence, outsideCategories) = spending.TryGetValue(account.Id, out var byCategory)
                ? MonitoringRules.OutsidePlan(byCategory, categories)
                : (0L, (IReadOnlyList<CostCategory>)[]);
            var facts = new AccountFacts(
                BalancePence: total.WalletPence,
                WeeklyBudgetPence: inForce.WeeklyBudgetPence,
                Outflow28DaysPence: outflow28.GetValueOrDefault(account.Id),
                FirstPaymentOn: accountSchedules[0].StartsOn,
                NextDueOn: PaymentDates.NextDueAfter(inForce.StartsOn, inForce.EndsOn, inForce.Frequency, today),
                HasEverSpent: total.OutflowPence > 0,
                ContributionPerPeriodPence: PaymentDates.PerPeriodPence(inForce.WeeklyContributionPence, inForce.Frequency),
                ContributionsExpectedPence: expected,
                ContributionsReceivedPence: total.ContributionsPence,
                OutsidePlanPence: outsidePence,
                OutsidePlanCategories: outsideCategories,
                Duplicates: candidates.TryGetValue(account.Id, out var list) ? MonitoringRules.Duplicates(list, settings, today) : []);
            foreach (var finding in MonitoringRules.Evaluate(facts, settings, today))
            {
                if (open.Contains((account.Id, finding.Kind)))
                {
                    stillOpen++;
                    continue;
                }
                var task = new CaseTask
                {
                    Id = Guid.CreateVersion7(now), ArrangementId = account.ArrangementId, PersonId = account.PersonId,
                    Kind = TaskKind.SupportiveConversation, DueOn = today.AddDays(ConversationDueDays),
                    Notes = $"{FlagText.Title(finding.Kind)}. {finding.Facts} A way to start: \"{finding.Opening}\"",
                    TeamId = teams.GetValueOrDefault(account.PersonId), CreatedAt = now.UtcDateTime,
                };
                db.Tasks.Add(task);
                db.MoneyFlags.Add(new MoneyFlag
                {
                    Id = Guid.CreateVersion7(now), AccountId = account.Id, ArrangementId = account.ArrangementId, Kind = finding.Kind,
                    RaisedOn = today, Facts = finding.Facts, Opening = finding.Opening, SettingsVersion = settings.Version,
                    Status = FlagStatus.Open, TaskId = task.Id,
                });
                open.Add((account.Id, finding.Kind));
                raised[finding.Kind]++;
                if (++pending >= SaveBatch)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    pending = 0;
                }
            }
        }
        db.RecordAudit("Monitoring run", "MonitoringRun", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            details: string.Create(CultureInfo.InvariantCulture,
                $"{(incremental ? "Incremental" : "Full")} run: {active.Count} active accounts checked; {raised.Values.Sum()} flags raised ({string.Join(", ", raised.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))}); {stillOpen} already open; settings version {settings.Version}."));
        await db.SaveChangesAsync(ct);
        return new CouncilResult(active.Count, raised, stillOpen);
    }

    private static void AddSpending(Dictionary<Guid, Dictionary<CostCategory, long>> spending, Guid accountId, CostCategory category, long pence)
    {
        if (!spending.TryGetValue(accountId, out var byCategory))
        {
            spending[accountId] = byCategory = [];
        }
        byCategory[category] = byCategory.GetValueOrDefault(category) + pence;
    }

    /// <summary>Each arrangement's plan categories: the agreed plan's, or the newest plan's when none is agreed.</summary>
    private static async Task<Dictionary<Guid, IReadOnlySet<CostCategory>>> PlanCategoriesAsync(DpDbContext db, CancellationToken ct)
    {
        var plans = await db.SupportPlans.AsNoTracking()
            .Select(p => new { p.ArrangementId, p.Status, p.Version, Categories = p.Costs.Select(c => c.Category).ToList() })
            .ToListAsync(ct);
        return plans.GroupBy(p => p.ArrangementId).ToDictionary(
            g => g.Key,
            g => (IReadOnlySet<CostCategory>)g.OrderBy(p => p.Status == PlanStatus.Agreed ? 0 : 1).ThenByDescending(p => p.Version).First().Categories.ToHashSet());
    }

    /// <summary>
    /// Brings the council's <see cref="MonitoringTotals"/> up to date in set-based SQL: a full run
    /// rebuilds them from every entry; an incremental run adds only entries above the watermark.
    /// </summary>
    private static async Task FoldTotalsAsync(DpDbContext db, Guid councilId, bool incremental, DateTime updatedAt, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var to = await db.Database.SqlQuery<long>($"SELECT COALESCE(MAX(id), 0) AS \"Value\" FROM ledger_entries").SingleAsync(ct);
        var watermark = await db.Set<MonitoringWatermark>().AsNoTracking().Select(w => (long?)w.LastEntryId).SingleOrDefaultAsync(ct);
        long from;
        if (!incremental || watermark is null)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM monitoring_totals WHERE council_id = {councilId}", ct);
            from = 0;
        }
        else
        {
            from = watermark.Value;
        }
        if (to > from)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO monitoring_totals (account_id, council_id, wallet_pence, outflow_pence, contributions_pence)
                SELECT account_id, council_id,
                    SUM(CASE WHEN debit = 1 THEN amount_pence WHEN credit = 1 THEN -amount_pence ELSE 0 END),
                    SUM(CASE WHEN credit = 1 AND debit IN (2, 3) THEN amount_pence ELSE 0 END),
                    SUM(CASE WHEN credit = 5 AND debit IN (1, 4) THEN amount_pence ELSE 0 END)
                FROM ledger_entries
                WHERE council_id = {councilId} AND id > {from} AND id <= {to}
                GROUP BY account_id, council_id
                ON CONFLICT (account_id) DO UPDATE SET
                    wallet_pence = monitoring_totals.wallet_pence + excluded.wallet_pence,
                    outflow_pence = monitoring_totals.outflow_pence + excluded.outflow_pence,
                    contributions_pence = monitoring_totals.contributions_pence + excluded.contributions_pence
                """, ct);
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO monitoring_watermarks (council_id, last_entry_id, updated_at) VALUES ({councilId}, {to}, {updatedAt})
            ON CONFLICT (council_id) DO UPDATE SET last_entry_id = excluded.last_entry_id, updated_at = excluded.updated_at
            """, ct);
        await transaction.CommitAsync(ct);
    }
}
