using DirectPayments.Domain.Journey;

namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>
/// When a schedule's payments fall due, and how much a period is worth (docs/money.md, "Monitoring").
/// Payments are in advance: a payment due on D covers D to the day before the next due date.
/// </summary>
public static class PaymentDates
{
    /// <summary>
    /// The due date of the payment numbered <paramref name="index"/> (0 is the first): every 28 or 7
    /// days, or on the same day of each following month (the 29th to 31st fall back to the month's last day).
    /// </summary>
    public static DateOnly DueOn(DateOnly startsOn, PaymentFrequency frequency, int index) => frequency switch
    {
        PaymentFrequency.FourWeekly => startsOn.AddDays(28 * index),
        PaymentFrequency.Weekly => startsOn.AddDays(7 * index),
        PaymentFrequency.Monthly => startsOn.AddMonths(index),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown payment frequency."),
    };

    /// <summary>How many payments fall due on or before <paramref name="on"/> (before <paramref name="endsOn"/>, if set).</summary>
    public static int CountDueOnOrBefore(DateOnly startsOn, DateOnly? endsOn, PaymentFrequency frequency, DateOnly on)
    {
        if (on < startsOn)
        {
            return 0;
        }
        var last = endsOn is { } end && end.AddDays(-1) < on ? end.AddDays(-1) : on;
        if (last < startsOn)
        {
            return 0;
        }
        var days = last.DayNumber - startsOn.DayNumber;
        var count = frequency switch
        {
            PaymentFrequency.FourWeekly => days / 28 + 1,
            PaymentFrequency.Weekly => days / 7 + 1,
            PaymentFrequency.Monthly => MonthsBetween(startsOn, last) + 1,
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown payment frequency."),
        };
        return count;
    }

    /// <summary>The next due date strictly after <paramref name="after"/>, or null when the schedule has ended by then.</summary>
    public static DateOnly? NextDueAfter(DateOnly startsOn, DateOnly? endsOn, PaymentFrequency frequency, DateOnly after)
    {
        var index = after < startsOn ? 0 : CountDueOnOrBefore(startsOn, null, frequency, after);
        var next = DueOn(startsOn, frequency, index);
        return endsOn is { } end && next >= end ? null : next;
    }

    /// <summary>
    /// A weekly amount as one period's payment: 4 x weekly (four-weekly), 1 x weekly (weekly), or
    /// weekly x 52 / 12 rounded half-up to the penny (monthly).
    /// </summary>
    public static long PerPeriodPence(long weeklyPence, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => checked(weeklyPence * 4),
        PaymentFrequency.Weekly => weeklyPence,
        PaymentFrequency.Monthly => (long)Math.Round(weeklyPence * 52m / 12m, MidpointRounding.AwayFromZero),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown payment frequency."),
    };

    /// <summary>Whole months from the first payment to a date, counting a month when its (fallen-back) due day has come.</summary>
    private static int MonthsBetween(DateOnly startsOn, DateOnly last)
    {
        var months = (last.Year - startsOn.Year) * 12 + last.Month - startsOn.Month;
        while (months > 0 && startsOn.AddMonths(months) > last)
        {
            months--;
        }
        return months;
    }
}
