using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Cli.Generation;

/// <summary>
/// A slow, literal reading of the six monitoring definitions (docs/money.md, "Monitoring flags"),
/// used only to check that the generator planted what it says it planted: it looks at one account's
/// entries in memory, with the default thresholds.
/// </summary>
public static class FlagOracle
{
    /// <summary>The flags the definitions raise for one account on <paramref name="today"/>.</summary>
    public static IReadOnlySet<FlagKind> Flags(SyntheticAccount account, IReadOnlyList<SyntheticEntry> entries, DateOnly today, IReadOnlyCollection<CostCategory> planCategories)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(planCategories);
        var settings = new MonitoringSettings { ChangedByName = "default", Reason = "default" };
        var flags = new HashSet<FlagKind>();
        var upTo = entries.Where(e => e.OccurredOn <= today).ToList();
        var weekly = account.WeeklyBudgetPence;
        var balance = upTo.Sum(e => (e.Debit == LedgerBook.Wallet ? e.AmountPence : 0) - (e.Credit == LedgerBook.Wallet ? e.AmountPence : 0));
        static bool MoneyOut(SyntheticEntry e) => e.Credit == LedgerBook.Wallet && e.Debit is LedgerBook.Spending or LedgerBook.Cash;

        if (balance > settings.ContingencyWeeks * weekly)
        {
            flags.Add(FlagKind.BalanceAboveContingency);
        }

        var out28 = upTo.Where(e => MoneyOut(e) && e.OccurredOn > today.AddDays(-28)).Sum(e => e.AmountPence);
        var next = DueDates(account).First(d => d > today);
        var days = next.DayNumber - today.DayNumber;
        // B - (out28 / 4) x days / 7 < 0, in whole numbers: 28 B < out28 x days.
        if (balance < 0 || (28 * balance) < out28 * days)
        {
            flags.Add(FlagKind.ProjectedToRunOut);
        }

        if (account.StartsOn.AddDays(settings.NoSpendingDays) <= today && !upTo.Any(MoneyOut))
        {
            flags.Add(FlagKind.NoSpendingSinceSetUp);
        }

        if (account.WeeklyContributionPence > 0)
        {
            var perPeriod = PerPeriod(account.WeeklyContributionPence, account.Frequency);
            var expected = perPeriod * DueDates(account).TakeWhile(d => d <= today).Count();
            var received = upTo.Where(e => e.Credit == LedgerBook.Person && e.Debit == (account.Basis == PaymentBasis.Net ? LedgerBook.Wallet : LedgerBook.Council)).Sum(e => e.AmountPence);
            if (expected - received >= settings.ContributionPeriodsMissed * perPeriod)
            {
                flags.Add(FlagKind.ContributionsNotPaid);
            }
        }

        var outside = upTo.Where(e => e.Debit == LedgerBook.Spending && e.Credit == LedgerBook.Wallet && e.OccurredOn > today.AddDays(-84)
                && e.Category is { } c && c != CostCategory.Administration && !planCategories.Contains(c))
            .Sum(e => e.AmountPence);
        if (outside >= settings.OutsidePlanPence)
        {
            flags.Add(FlagKind.SpendingOutsidePlan);
        }

        var spends = upTo.Where(e => e.Debit == LedgerBook.Spending && e.Credit == LedgerBook.Wallet && e.AmountPence >= settings.DuplicateMinimumPence).ToList();
        foreach (var later in spends.Where(e => e.OccurredOn > today.AddDays(-35)))
        {
            if (spends.Any(earlier => earlier.Payee == later.Payee && earlier.AmountPence == later.AmountPence
                    && earlier.OccurredOn < later.OccurredOn && later.OccurredOn.DayNumber - earlier.OccurredOn.DayNumber <= settings.DuplicateWithinDays))
            {
                flags.Add(FlagKind.PossibleDuplicatePayment);
                break;
            }
        }
        return flags;
    }

    /// <summary>The schedule's due dates from its start (four-weekly, weekly; monthly on the same day, falling back to the month's end).</summary>
    public static IEnumerable<DateOnly> DueDates(SyntheticAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        for (var n = 0; ; n++)
        {
            yield return account.Frequency switch
            {
                PaymentFrequency.FourWeekly => account.StartsOn.AddDays(28 * n),
                PaymentFrequency.Weekly => account.StartsOn.AddDays(7 * n),
                PaymentFrequency.Monthly => account.StartsOn.AddMonths(n),
                _ => throw new ArgumentOutOfRangeException(nameof(account), "Unknown payment frequency."),
            };
        }
    }

    private static long PerPeriod(long weekly, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => 4 * weekly,
        PaymentFrequency.Weekly => weekly,
        PaymentFrequency.Monthly => ((weekly * 52) + 6) / 12,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), "Unknown payment frequency."),
    };
}
