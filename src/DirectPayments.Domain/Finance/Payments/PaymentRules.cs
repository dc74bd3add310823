using DirectPayments.Domain.Journey;

namespace DirectPayments.Domain.Finance.Payments;

/// <summary>One payment that falls due under a schedule: which schedule, which kind, for which period and how much.</summary>
public sealed record DuePayment(Guid ScheduleId, PaymentKind Kind, DateOnly DueOn, DateOnly PeriodEndsOn, Money Amount);

/// <summary>
/// When payments fall due and how much each one is (issue #4, item 2; RULES.md section 10). Payments are
/// made in advance: a payment due on D covers D to the day before the next due date. Four-weekly is the
/// default; weekly and monthly are allowed. A monthly schedule that starts on the 29th to 31st falls back
/// to the last day of shorter months, and comes back to its own day in longer ones.
/// </summary>
public static class PaymentRules
{
    /// <summary>
    /// A weekly figure turned into one period's figure: 4 weeks (four-weekly), 1 week (weekly), or
    /// 52 weeks over 12 months rounded half-up to the penny (monthly).
    /// </summary>
    public static Money PerPeriod(long weeklyPence, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => new Money(checked(weeklyPence * 4)),
        PaymentFrequency.Weekly => new Money(weeklyPence),
        PaymentFrequency.Monthly => new Money((long)Math.Round(weeklyPence * 52m / 12m, MidpointRounding.AwayFromZero)),
    };

    /// <summary>The n-th due date (0 is the first) of a schedule starting on <paramref name="startsOn"/>.</summary>
    public static DateOnly DueDate(DateOnly startsOn, PaymentFrequency frequency, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return frequency switch
        {
            PaymentFrequency.FourWeekly => startsOn.AddDays(28 * n),
            PaymentFrequency.Weekly => startsOn.AddDays(7 * n),
            // Counted from the start each time, so 31 January gives 28 (or 29) February and then 31 March.
            PaymentFrequency.Monthly => startsOn.AddMonths(n),
        };
    }

    /// <summary>The schedule's due dates on or before <paramref name="through"/>, stopping before its end date.</summary>
    public static IEnumerable<DateOnly> DueDates(PaymentSchedule schedule, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        for (var n = 0; ; n++)
        {
            var due = DueDate(schedule.StartsOn, schedule.Frequency, n);
            if (due > through || (schedule.EndsOn is { } ends && due >= ends))
            {
                yield break;
            }
            yield return due;
        }
    }

    /// <summary>The first due date after <paramref name="after"/>, or null when the schedule ends first.</summary>
    public static DateOnly? NextDueAfter(PaymentSchedule schedule, DateOnly after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        for (var n = 0; n < 100_000; n++)
        {
            var due = DueDate(schedule.StartsOn, schedule.Frequency, n);
            if (schedule.EndsOn is { } ends && due >= ends)
            {
                return null;
            }
            if (due > after)
            {
                return due;
            }
        }
        return null;
    }

    /// <summary>
    /// What the council pays each period: the weekly budget less the person's contribution (net), or the
    /// whole weekly budget with the contribution collected separately (gross). Never below nothing.
    /// </summary>
    public static Money RegularAmount(PaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return PerPeriod(WeeklyPaid(schedule), schedule.Frequency);
    }

    /// <summary>The contribution expected each period (RULES.md section 10.4), on either basis.</summary>
    public static Money ContributionPerPeriod(PaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return PerPeriod(schedule.WeeklyContributionPence, schedule.Frequency);
    }

    private static long WeeklyPaid(PaymentSchedule s) => s.Basis switch
    {
        PaymentBasis.Net => Math.Max(0, s.WeeklyBudgetPence - s.WeeklyContributionPence),
        PaymentBasis.Gross => s.WeeklyBudgetPence,
    };

    /// <summary>
    /// Every payment due on or before <paramref name="through"/> under an arrangement's schedules, oldest
    /// first. A period cut short because a new schedule starts is paid for the days it covers (the weekly
    /// amount x days / 7, rounded half-up). The one-off payment is made once, with the first regular payment
    /// of the arrangement's first schedule.
    /// </summary>
    public static IReadOnlyList<DuePayment> PaymentsDue(IEnumerable<PaymentSchedule> schedules, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var ordered = schedules.OrderBy(s => s.StartsOn).ToList();
        var due = new List<DuePayment>();
        foreach (var schedule in ordered)
        {
            foreach (var (on, endsOn, fullPeriod) in Periods(schedule, through))
            {
                var amount = fullPeriod ? RegularAmount(schedule) : ProRata(WeeklyPaid(schedule), on, endsOn);
                if (amount.Pence > 0)
                {
                    due.Add(new DuePayment(schedule.Id, PaymentKind.Regular, on, endsOn, amount));
                }
            }
        }
        if (ordered.FirstOrDefault() is { OneOffPence: > 0 } first && first.StartsOn <= through && (first.EndsOn is null || first.StartsOn < first.EndsOn))
        {
            var firstPeriodEnds = Periods(first, first.StartsOn).First().EndsOn;
            due.Add(new DuePayment(first.Id, PaymentKind.OneOff, first.StartsOn, firstPeriodEnds, new Money(first.OneOffPence)));
        }
        return [.. due.OrderBy(d => d.DueOn).ThenBy(d => d.Kind)];
    }

    /// <summary>The contributions expected on or before <paramref name="through"/>, cut-short periods pro rata as for payments.</summary>
    public static Money ExpectedContributions(IEnumerable<PaymentSchedule> schedules, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var total = Money.Zero;
        foreach (var schedule in schedules)
        {
            foreach (var (on, endsOn, fullPeriod) in Periods(schedule, through))
            {
                total += fullPeriod ? ContributionPerPeriod(schedule) : ProRata(schedule.WeeklyContributionPence, on, endsOn);
            }
        }
        return total;
    }

    /// <summary>
    /// Contributions expected to a date against what was received, and how far behind that is, in money and
    /// in whole periods of the schedule in force. Net: the person pays into the account (Person to Wallet
    /// entries); gross: the council collects (Person to Council entries). The caller sums the right entries.
    /// </summary>
    public static ContributionPosition Contributions(IReadOnlyList<PaymentSchedule> schedules, Money received, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var current = schedules.Where(s => s.StartsOn <= through).OrderByDescending(s => s.StartsOn).FirstOrDefault()
            ?? schedules.OrderBy(s => s.StartsOn).FirstOrDefault();
        var expected = ExpectedContributions(schedules, through);
        var perPeriod = current is null ? Money.Zero : ContributionPerPeriod(current);
        var behind = expected - received;
        if (behind.IsNegative)
        {
            behind = Money.Zero;
        }
        var periods = perPeriod.Pence > 0 ? (int)(behind.Pence / perPeriod.Pence) : 0;
        return new ContributionPosition(current?.Basis ?? PaymentBasis.Net, perPeriod, expected, received, behind, periods);
    }

    /// <summary>The reference the bank statement shows for a payment: the arrangement's reference and a four-digit sequence, at most 18 characters.</summary>
    public static string PaymentReference(string arrangementReference, int sequence)
    {
        ArgumentNullException.ThrowIfNull(arrangementReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{arrangementReference} {sequence:D4}");
        return text.Length <= 18 ? text : throw new ArgumentException($"The payment reference {text} is longer than 18 characters.", nameof(arrangementReference));
    }

    private static Money ProRata(long weeklyPence, DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return new Money((long)Math.Round(weeklyPence * (decimal)days / 7m, MidpointRounding.AwayFromZero));
    }

    /// <summary>Each due date with the last day of its period and whether the period is whole.</summary>
    private static IEnumerable<(DateOnly DueOn, DateOnly EndsOn, bool Full)> Periods(PaymentSchedule schedule, DateOnly through)
    {
        var n = 0;
        foreach (var due in DueDates(schedule, through))
        {
            var next = DueDate(schedule.StartsOn, schedule.Frequency, ++n);
            if (schedule.EndsOn is { } ends && ends < next)
            {
                yield return (due, ends.AddDays(-1), false);
            }
            else
            {
                yield return (due, next.AddDays(-1), true);
            }
        }
    }
}

/// <summary>Where a person's contributions stand on a date.</summary>
public sealed record ContributionPosition(PaymentBasis Basis, Money PerPeriod, Money Expected, Money Received, Money Behind, int PeriodsBehind);
