using DirectPayments.Domain.Platform;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DirectPayments.Domain.Tests.Platform;

public sealed class EnglandClockTests
{
    [Theory]
    [InlineData("2026-07-14T23:30:00Z", "2026-07-15")] // British Summer Time: already tomorrow in England
    [InlineData("2026-07-14T22:59:59Z", "2026-07-14")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // Greenwich Mean Time: same as UTC
    public void TodayInEngland_NearMidnight_UsesLondonTime(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.TodayInEngland());
    }
}
