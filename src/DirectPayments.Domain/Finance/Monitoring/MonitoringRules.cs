using System.Globalization;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>Two spending payments to one payee of the same amount on different days (flag 6).</summary>
public readonly record struct DuplicatePair(string Payee, long AmountPence, DateOnly FirstOn, DateOnly SecondOn);

/// <summary>
/// What monitoring knows about one account on the run date, as aggregates the database summed
/// (never the entries themselves). All amounts are pence.
/// </summary>
/// <param name="BalancePence">The Wallet book's balance.</param>
/// <param name="WeeklyBudgetPence">The schedule in force's weekly budget: the planned weekly spend.</param>
/// <param name="Outflow28DaysPence">Money out of the wallet to Spending or Cash in the 28 days up to and including the run date.</param>
/// <param name="FirstPaymentOn">When the account's first schedule started.</param>
/// <param name="NextDueOn">The next payment due date after the run date, or null when the schedule has ended.</param>
/// <param name="HasEverSpent">Whether money has ever gone out of the wallet to Spending or Cash.</param>
/// <param name="ContributionPerPeriodPence">One period's contribution; zero when the person pays none.</param>
/// <param name="ContributionsExpectedPence">Contribution per period x periods due on or before the run date.</param>
/// <param name="ContributionsReceivedPence">Person to Wallet (net) or Person to Council (gross), all time.</param>
/// <param name="OutsidePlanPence">Spending in the last 84 days in categories not in the support plan.</param>
/// <param name="OutsidePlanCategories">Those categories, for the facts.</param>
/// <param name="Duplicates">Possible duplicate payments found in the recent rows.</param>
public sealed record AccountFacts(
    long BalancePence,
    long WeeklyBudgetPence,
    long Outflow28DaysPence,
    DateOnly FirstPaymentOn,
    DateOnly? NextDueOn,
    bool HasEverSpent,
    long ContributionPerPeriodPence,
    long ContributionsExpectedPence,
    long ContributionsReceivedPence,
    long OutsidePlanPence,
    IReadOnlyList<CostCategory> OutsidePlanCategories,
    IReadOnlyList<DuplicatePair> Duplicates);

/// <summary>A flag an account should have: its facts in plain English and a warm way to open the conversation.</summary>
public sealed record FlagFinding(FlagKind Kind, string Facts, string Opening);

/// <summary>
/// The six monitoring rules (issue #4, item 5; docs/money.md, "Monitoring"). Each only ever opens
/// a supportive conversation: nothing here stops, reduces or reclaims a payment (RULES.md section 6).
/// </summary>
public static class MonitoringRules
{
    /// <summary>Days of history the outflow rate uses (flag 2).</summary>
    public const int OutflowDays = 28;

    /// <summary>Days of spending the outside-plan total covers (flag 5).</summary>
    public const int OutsidePlanDays = 84;

    /// <summary>Days within which the later of two duplicate payments must fall (flag 6).</summary>
    public const int DuplicateRecentDays = 35;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The flags an active account should have on <paramref name="today"/>, in <see cref="FlagKind"/> order.</summary>
    public static IReadOnlyList<FlagFinding> Evaluate(AccountFacts facts, MonitoringSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<FlagFinding>();
        var balance = new Money(facts.BalancePence);
        var weekly = new Money(facts.WeeklyBudgetPence);

        // 1. Balance above the contingency (Cornwall; RULES.md section 4.3).
        var contingency = weekly * settings.ContingencyWeeks;
        if (facts.WeeklyBudgetPence > 0 && balance > contingency)
        {
            var weeks = (decimal)facts.BalancePence / facts.WeeklyBudgetPence;
            found.Add(new(FlagKind.BalanceAboveContingency,
                $"Balance {balance} is {weeks.ToString("0.0", EnGb)} weeks of planned spend; the council's contingency is {settings.ContingencyWeeks} weeks ({contingency}).",
                "You have built up some money in your account. Shall we look at whether your support is working as you want, or whether something is getting in the way?"));
        }

        // 2. Projected to run out before the next payment: B - R x days / 7 < 0 with R = outflow / 4,
        //    worked in whole numbers as 28 x B < outflow x days.
        if (facts.BalancePence < 0)
        {
            found.Add(new(FlagKind.ProjectedToRunOut,
                $"The account is overdrawn: the balance is {balance}.",
                "It looks as if your account has gone below zero. Shall we look together at what has been paid out and make sure you can keep paying for your support?"));
        }
        else if (facts.NextDueOn is { } next && next > today)
        {
            var days = next.DayNumber - today.DayNumber;
            if (28m * facts.BalancePence < (decimal)facts.Outflow28DaysPence * days)
            {
                var perWeek = new Money((long)Math.Round(facts.Outflow28DaysPence / 4m, MidpointRounding.AwayFromZero));
                found.Add(new(FlagKind.ProjectedToRunOut,
                    $"Balance {balance} with spending of about {perWeek} a week over the last 4 weeks would run out before the next payment on {next.ToString("d MMMM yyyy", EnGb)} ({days} days away).",
                    "Your money may run short before the next payment arrives. Shall we look at what is coming up and whether your budget still covers the support you need?"));
            }
        }

        // 3. No spending since set-up.
        var sinceStart = today.DayNumber - facts.FirstPaymentOn.DayNumber;
        if (!facts.HasEverSpent && sinceStart >= settings.NoSpendingDays)
        {
            found.Add(new(FlagKind.NoSpendingSinceSetUp,
                $"No money has been spent since the first payment on {facts.FirstPaymentOn.ToString("d MMMM yyyy", EnGb)}, {sinceStart} days ago; the council asks after {settings.NoSpendingDays} days.",
                "It can take time to get support started. How is it going with finding a personal assistant or an agency, and is there anything we can help with?"));
        }

        // 4. Contributions not paid.
        if (facts.ContributionPerPeriodPence > 0)
        {
            var owed = facts.ContributionsExpectedPence - facts.ContributionsReceivedPence;
            if (owed >= facts.ContributionPerPeriodPence * settings.ContributionPeriodsMissed)
            {
                found.Add(new(FlagKind.ContributionsNotPaid,
                    $"Contributions of {new Money(facts.ContributionsExpectedPence)} were due and {new Money(facts.ContributionsReceivedPence)} has been paid in: {new Money(owed)} is unpaid, {settings.ContributionPeriodsMissed} or more periods of {new Money(facts.ContributionPerPeriodPence)}.",
                    "We have not seen your contribution paid in for a while. Has something changed with your money, and would it help to talk about how it is paid or what you can afford?"));
            }
        }

        // 5. Spending outside the plan (Administration and uncategorised spending never count).
        if (facts.OutsidePlanPence > 0 && facts.OutsidePlanPence >= settings.OutsidePlanPence)
        {
            var names = string.Join(", ", facts.OutsidePlanCategories.Select(c => c.ToString()));
            found.Add(new(FlagKind.SpendingOutsidePlan,
                $"{new Money(facts.OutsidePlanPence)} was spent in the last {OutsidePlanDays} days on things the support plan does not include ({names}); the council asks from {new Money(settings.OutsidePlanPence)}.",
                "Some of your spending is on things your support plan does not mention. Tell us about it: your needs may have changed, and we can update your plan to match."));
        }

        // 6. Possible duplicate payment.
        if (facts.Duplicates.Count > 0)
        {
            var d = facts.Duplicates[0];
            var more = facts.Duplicates.Count > 1 ? $" ({facts.Duplicates.Count} pairs in all)" : "";
            found.Add(new(FlagKind.PossibleDuplicatePayment,
                $"{new Money(d.AmountPence)} was paid to {d.Payee} on {d.FirstOn.ToString("d MMMM yyyy", EnGb)} and again on {d.SecondOn.ToString("d MMMM yyyy", EnGb)}{more}.",
                $"We noticed two payments of {new Money(d.AmountPence)} to {d.Payee} a few days apart. Were they both meant? If one was a mistake, we can help you ask for it back."));
        }
        return found;
    }

    /// <summary>
    /// Outside-plan spending from spending by category (flag 5): categories not in the plan count;
    /// Administration never counts, and uncategorised spending (null) is asked about instead.
    /// </summary>
    public static (long Pence, IReadOnlyList<CostCategory> Categories) OutsidePlan(
        IEnumerable<KeyValuePair<CostCategory, long>> spendingByCategory, IReadOnlySet<CostCategory> planCategories)
    {
        ArgumentNullException.ThrowIfNull(spendingByCategory);
        ArgumentNullException.ThrowIfNull(planCategories);
        long total = 0;
        var categories = new List<CostCategory>();
        foreach (var (category, pence) in spendingByCategory.OrderBy(kv => kv.Key))
        {
            if (category == CostCategory.Administration || planCategories.Contains(category) || pence <= 0)
            {
                continue;
            }
            total += pence;
            categories.Add(category);
        }
        return (total, categories);
    }

    /// <summary>
    /// Pairs of spending payments (same payee and amount, at least the minimum) on different days at
    /// most <see cref="MonitoringSettings.DuplicateWithinDays"/> apart, the later within 35 days up to <paramref name="today"/>.
    /// Identical purchases on the same day are not duplicates.
    /// </summary>
    public static IReadOnlyList<DuplicatePair> Duplicates(IEnumerable<(string Payee, long AmountPence, DateOnly On)> spending, MonitoringSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spending);
        ArgumentNullException.ThrowIfNull(settings);
        var recentFrom = today.AddDays(-(DuplicateRecentDays - 1));
        var pairs = new List<DuplicatePair>();
        foreach (var group in spending.Where(s => s.AmountPence >= settings.DuplicateMinimumPence && s.On <= today && !string.IsNullOrEmpty(s.Payee))
                     .GroupBy(s => (s.Payee, s.AmountPence)))
        {
            var days = group.Select(s => s.On).Distinct().Order().ToList();
            for (var i = 1; i < days.Count; i++)
            {
                if (days[i] >= recentFrom && days[i].DayNumber - days[i - 1].DayNumber <= settings.DuplicateWithinDays)
                {
                    pairs.Add(new(group.Key.Payee, group.Key.AmountPence, days[i - 1], days[i]));
                }
            }
        }
        return pairs.OrderByDescending(p => p.SecondOn).ThenBy(p => p.Payee, StringComparer.Ordinal).ToList();
    }
}
