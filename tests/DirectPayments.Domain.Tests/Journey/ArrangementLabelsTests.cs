using System.Globalization;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class ArrangementLabelsTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Person BornOn(string iso) => new() { Reference = "EX-000101", GivenName = "Amara", FamilyName = "Okafor", DateOfBirth = D(iso) };

    [Theory]
    [InlineData("2008-09-15", "2026-09-14", AgeBand.Child)] // 17, the day before the 18th birthday
    [InlineData("2008-09-15", "2026-09-15", AgeBand.Adult18To64)] // 18 on the day
    [InlineData("2008-09-15", "2026-09-16", AgeBand.Adult18To64)]
    [InlineData("1961-09-15", "2026-09-14", AgeBand.Adult18To64)] // 64, the day before the 65th birthday
    [InlineData("1961-09-15", "2026-09-15", AgeBand.Adult65AndOver)] // 65 on the day
    [InlineData("1940-01-01", "2026-09-15", AgeBand.Adult65AndOver)]
    [InlineData("2020-05-01", "2026-09-15", AgeBand.Child)]
    [InlineData("2026-09-15", "2026-09-15", AgeBand.Child)] // born today
    [InlineData("2008-02-29", "2026-02-28", AgeBand.Child)] // a leap-day birthday turns 18 on 1 March
    [InlineData("2008-02-29", "2026-03-01", AgeBand.Adult18To64)]
    [InlineData("1961-02-28", "2026-02-28", AgeBand.Adult65AndOver)]
    public void AgeBandOn_Birthday_ChangesBandOnTheDay(string born, string on, AgeBand band) =>
        Assert.Equal(band, BornOn(born).AgeBandOn(D(on)));
}
