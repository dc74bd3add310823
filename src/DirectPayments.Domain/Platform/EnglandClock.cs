namespace DirectPayments.Domain.Platform;

/// <summary>Calendar dates as people in England see them (STYLE.md section 4).</summary>
public static class EnglandClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in England, which differs from the UTC date for an hour each summer night.</summary>
    public static DateOnly TodayInEngland(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);
    }

    /// <summary>A UTC instant shown as local time in England.</summary>
    public static DateTime ToEnglandTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
}
