using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>Planned against actual spending for one category, over the last four weeks and since the start.</summary>
public sealed record CategoryLine(CostCategory? Category, bool InPlan, Money PlannedRecent, Money SpentRecent, Money PlannedSinceStart, Money SpentSinceStart)
{
    public string Label => Category?.Label() ?? "Not sorted yet";
}

/// <summary>A payment the schedule says is coming.</summary>
public sealed record UpcomingPayment(DateOnly DueOn, Money Amount);

/// <summary>The person's contributions: what was due by today and what has come in.</summary>
public sealed record ContributionSummary(Money PerPeriod, PaymentFrequency Frequency, PaymentBasis Basis, int PeriodsDue, Money Expected, Money Received)
{
    /// <summary>What is still to pay, never below zero.</summary>
    public Money StillToPay => Expected > Received ? Expected - Received : Money.Zero;
}

/// <summary>Everything the wallet and the staff account page show, worked out from the ledger.</summary>
public sealed record WalletSummary(
    DpAccount Account, string PersonName, DateOnly Today, Money Balance, Money Cash, Money WeeklyPlanned, decimal? WeeksOfCover,
    PaymentSchedule? Schedule, DateOnly RecentFrom, DateOnly Since, IReadOnlyList<CategoryLine> Categories,
    IReadOnlyList<UpcomingPayment> Upcoming, ContributionSummary? Contributions, int NotSortedCount);

/// <summary>One line of the account as the person sees it: money into or out of the account (or cash spent).</summary>
public sealed record TransactionRow(
    long EntryId, DateOnly On, string What, string Description, string? Payee, Money? In, Money? Out, bool IsSpending,
    CostCategory? Category, string? Explanation, Guid? ReceiptId, EntrySource Source, long WalletPence)
{
    /// <summary>Spending with no category and no explanation yet: the person is asked what it was for, kindly.</summary>
    public bool CanExplain => IsSpending && Category is null && Explanation is null;
}

/// <summary>
/// The wallet's figures (issue #4, item 8), derived from the ledger each time: the balance is the
/// Wallet book's, spending by category is the Spending book's debits less refunds (a note's category
/// overriding the entry's), and upcoming payments come from the payment schedule.
/// </summary>
public sealed class WalletFigures(DpDbContext db, MoneyActions money)
{
    /// <summary>The four weeks up to today that "recently" means.</summary>
    public const int RecentDays = 28;

    public async Task<WalletSummary> SummaryAsync(DpAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var today = money.Today;
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == account.Id).ToListAsync();
        var notes = await LatestNotesAsync(account.Id);
        var schedule = await money.ScheduleOnAsync(account.ArrangementId, today)
            ?? await db.PaymentSchedules.AsNoTracking().Where(s => s.AccountId == account.Id).OrderByDescending(s => s.StartsOn).FirstOrDefaultAsync();
        var planned = await money.PlannedWeeklyByCategoryAsync(account.ArrangementId);
        var person = await db.People.AsNoTracking().Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();

        var balance = LedgerRules.Balance(entries, LedgerBook.Wallet);
        var cash = LedgerRules.Balance(entries, LedgerBook.Cash);
        var weekly = new Money(schedule?.WeeklyBudgetPence ?? planned.Values.Sum(m => m.Pence));
        var since = schedule?.StartsOn ?? account.OpenedOn;
        if (since > today)
        {
            since = today;
        }
        var recentFrom = today.AddDays(-(RecentDays - 1));
        var daysSinceStart = today.DayNumber - since.DayNumber + 1;

        var spending = entries.Where(e => e.Debit == LedgerBook.Spending || e.Credit == LedgerBook.Spending)
            .Select(e => (e.OccurredOn, Category: CategoryOf(e, notes), Pence: e.Debit == LedgerBook.Spending ? e.AmountPence : -e.AmountPence))
            .ToList();
        var categories = planned.Keys.Cast<CostCategory?>()
            .Concat(spending.Select(s => s.Category))
            .Distinct()
            .OrderBy(c => c is null ? 2 : planned.ContainsKey(c.Value) ? 0 : 1).ThenBy(c => c)
            .Select(c =>
            {
                var weeklyPlanned = c is { } k && planned.TryGetValue(k, out var p) ? p.Pence : 0;
                var mine = spending.Where(s => s.Category == c).ToList();
                return new CategoryLine(c,
                    c is null || c == CostCategory.Administration || planned.ContainsKey(c.Value),
                    new Money(weeklyPlanned * 4),
                    new Money(mine.Where(s => s.OccurredOn >= recentFrom && s.OccurredOn <= today).Sum(s => s.Pence)),
                    new Money((long)Math.Round(weeklyPlanned * daysSinceStart / 7m, MidpointRounding.AwayFromZero)),
                    new Money(mine.Where(s => s.OccurredOn >= since && s.OccurredOn <= today).Sum(s => s.Pence)));
            })
            .ToList();

        IReadOnlyList<UpcomingPayment> upcoming = [];
        ContributionSummary? contributions = null;
        if (schedule is not null)
        {
            var amount = WalletSchedule.PaymentPerPeriod(schedule.WeeklyBudgetPence, schedule.WeeklyContributionPence, schedule.Basis, schedule.Frequency);
            upcoming = [.. WalletSchedule.Next(schedule.StartsOn, schedule.Frequency, schedule.EndsOn, today, 3).Select(d => new UpcomingPayment(d, amount))];
            if (schedule.WeeklyContributionPence > 0)
            {
                var perPeriod = WalletSchedule.PerPeriod(schedule.WeeklyContributionPence, schedule.Frequency);
                var periods = WalletSchedule.DueOnOrBefore(schedule.StartsOn, schedule.Frequency, schedule.EndsOn, today);
                var into = schedule.Basis switch
                {
                    PaymentBasis.Net => LedgerBook.Wallet,
                    PaymentBasis.Gross => LedgerBook.Council,
                };
                var received = new Money(entries.Where(e => e.Credit == LedgerBook.Person && e.Debit == into).Sum(e => e.AmountPence)
                    - entries.Where(e => e.Debit == LedgerBook.Person && e.Credit == into).Sum(e => e.AmountPence));
                contributions = new ContributionSummary(perPeriod, schedule.Frequency, schedule.Basis, periods, new Money(checked(perPeriod.Pence * periods)), received);
            }
        }
        var notSorted = entries.Count(e => e.Debit == LedgerBook.Spending && CategoryOf(e, notes) is null && !(notes.TryGetValue(e.Id, out var n) && n.Explanation is not null));
        return new WalletSummary(account, person, today, balance, cash, weekly, WalletSchedule.WeeksOfCover(balance, weekly), schedule,
            recentFrom, since, categories, upcoming, contributions, notSorted);
    }

    /// <summary>The account's lines, newest first: everything into or out of the account, and cash spent with a receipt.</summary>
    public async Task<(IReadOnlyList<TransactionRow> Rows, int Total)> TransactionsAsync(Guid accountId, int page, int pageSize)
    {
        var query = Lines(accountId);
        var total = await query.CountAsync();
        var entries = await query.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return (await RowsAsync(accountId, entries), total);
    }

    /// <summary>The lines between two dates (inclusive), oldest first, with the balance before them.</summary>
    public async Task<(Money Opening, IReadOnlyList<TransactionRow> Rows)> StatementAsync(Guid accountId, DateOnly from, DateOnly to)
    {
        var before = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId && e.OccurredOn < from
                && (e.Debit == LedgerBook.Wallet || e.Credit == LedgerBook.Wallet))
            .Select(e => e.Debit == LedgerBook.Wallet ? e.AmountPence : -e.AmountPence).ToListAsync();
        var entries = await Lines(accountId).Where(e => e.OccurredOn >= from && e.OccurredOn <= to)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToListAsync();
        return (new Money(before.Sum()), await RowsAsync(accountId, entries));
    }

    /// <summary>The newest note for each entry of the account.</summary>
    public async Task<Dictionary<long, EntryNote>> LatestNotesAsync(Guid accountId)
    {
        var notes = await db.EntryNotes.AsNoTracking().Where(n => n.AccountId == accountId).ToListAsync();
        return notes.GroupBy(n => n.EntryId).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).First());
    }

    /// <summary>An entry's category: the newest note's choice if it made one, otherwise the entry's own.</summary>
    public static CostCategory? CategoryOf(LedgerEntry entry, IReadOnlyDictionary<long, EntryNote> notes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(notes);
        return notes.TryGetValue(entry.Id, out var note) && note.Category is { } chosen ? chosen : entry.Category;
    }

    /// <summary>Plain words for what an entry is, from its two books.</summary>
    public static string What(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (entry.Credit, entry.Debit) switch
        {
            (LedgerBook.Council, LedgerBook.Wallet) => "Payment from the council",
            (LedgerBook.Person, LedgerBook.Wallet) => "Money paid in",
            (LedgerBook.Wallet, LedgerBook.Cash) => "Cash taken out",
            (LedgerBook.Spending, LedgerBook.Wallet) => "Refund",
            (LedgerBook.Wallet, LedgerBook.Council) => "Money returned to the council",
            (LedgerBook.Cash, LedgerBook.Spending) => "Paid in cash",
            (LedgerBook.Wallet, LedgerBook.Spending) => "Payment",
            (LedgerBook.Person, LedgerBook.Council) => "Contribution paid to the council",
            _ => "Correction",
        };
    }

    private IQueryable<LedgerEntry> Lines(Guid accountId) => db.LedgerEntries.AsNoTracking()
        .Where(e => e.AccountId == accountId && (e.Debit == LedgerBook.Wallet || e.Credit == LedgerBook.Wallet
            || (e.Credit == LedgerBook.Cash && e.Debit == LedgerBook.Spending)));

    private async Task<IReadOnlyList<TransactionRow>> RowsAsync(Guid accountId, IReadOnlyList<LedgerEntry> entries)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var notes = (await db.EntryNotes.AsNoTracking().Where(n => n.AccountId == accountId && ids.Contains(n.EntryId)).ToListAsync())
            .GroupBy(n => n.EntryId).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).First());
        var explanations = (await db.EntryNotes.AsNoTracking().Where(n => n.AccountId == accountId && ids.Contains(n.EntryId) && n.Explanation != null).ToListAsync())
            .GroupBy(n => n.EntryId).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).First().Explanation);
        return [.. entries.Select(e => new TransactionRow(
            e.Id, e.OccurredOn, What(e), e.Description, e.Payee,
            e.Debit == LedgerBook.Wallet ? new Money(e.AmountPence) : null,
            e.Credit == LedgerBook.Wallet || e.Credit == LedgerBook.Cash ? new Money(e.AmountPence) : null,
            e.Debit == LedgerBook.Spending,
            e.Debit == LedgerBook.Spending || e.Credit == LedgerBook.Spending ? CategoryOf(e, notes) : null,
            explanations.GetValueOrDefault(e.Id),
            e.Source == EntrySource.Receipt ? e.SourceId : null,
            e.Source,
            e.Debit == LedgerBook.Wallet ? e.AmountPence : e.Credit == LedgerBook.Wallet ? -e.AmountPence : 0))];
    }
}
