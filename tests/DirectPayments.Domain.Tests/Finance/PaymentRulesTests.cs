using System.Globalization;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

public sealed class PaymentRulesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static PaymentSchedule Schedule(string startsOn, PaymentFrequency frequency = PaymentFrequency.FourWeekly, PaymentBasis basis = PaymentBasis.Net,
        long weekly = 35_000, long contribution = 0, long oneOff = 0, string? endsOn = null) => new()
        {
            Id = Guid.NewGuid(),
            StartsOn = D(startsOn),
            EndsOn = endsOn is null ? null : D(endsOn),
            Frequency = frequency,
            Basis = basis,
            WeeklyBudgetPence = weekly,
            WeeklyContributionPence = contribution,
            OneOffPence = oneOff,
            CreatedByName = "Test",
        };

    [Theory]
    [InlineData(PaymentFrequency.FourWeekly, 35_000, 140_000)]
    [InlineData(PaymentFrequency.Weekly, 35_000, 35_000)]
    [InlineData(PaymentFrequency.Monthly, 35_000, 151_667)]   // 35,000 x 52 / 12 = 151,666.67
    [InlineData(PaymentFrequency.Monthly, 3, 13)]             // 3 x 52 / 12 = 13.0
    [InlineData(PaymentFrequency.Monthly, 15, 65)]            // 65.0 exactly
    [InlineData(PaymentFrequency.Monthly, 9, 39)]             // 39.0
    [InlineData(PaymentFrequency.Monthly, 6_921, 29_991)]     // 29,991.0
    public void PerPeriod_WeeklyFigure_GivesThePeriodFigure(PaymentFrequency frequency, long weekly, long pence) =>
        Assert.Equal(new Money(pence), PaymentRules.PerPeriod(weekly, frequency));

    [Fact]
    public void PerPeriod_Monthly_RoundsThirdsOfAPennyToTheNearestPenny()
    {
        // weekly x 52 / 12 = weekly x 13 / 3, so the remainder is always a third: one third down, two thirds up.
        Assert.Equal(new Money(4), PaymentRules.PerPeriod(1, PaymentFrequency.Monthly));    // 4.333 -> 4
        Assert.Equal(new Money(9), PaymentRules.PerPeriod(2, PaymentFrequency.Monthly));    // 8.667 -> 9
    }

    [Fact]
    public void DueDates_FourWeekly_EveryTwentyEightDaysInAdvance()
    {
        var dates = PaymentRules.DueDates(Schedule("2026-01-05"), D("2026-04-01")).ToList();
        Assert.Equal([D("2026-01-05"), D("2026-02-02"), D("2026-03-02"), D("2026-03-30")], dates);
    }

    [Fact]
    public void DueDates_Weekly_EverySevenDays() =>
        Assert.Equal([D("2026-02-26"), D("2026-03-05"), D("2026-03-12")],
            PaymentRules.DueDates(Schedule("2026-02-26", PaymentFrequency.Weekly), D("2026-03-12")).ToList());

    [Fact]
    public void DueDates_MonthlyFromThe31st_FallBackToMonthEndsAndComeBack() =>
        Assert.Equal([D("2026-01-31"), D("2026-02-28"), D("2026-03-31"), D("2026-04-30"), D("2026-05-31")],
            PaymentRules.DueDates(Schedule("2026-01-31", PaymentFrequency.Monthly), D("2026-05-31")).ToList());

    [Fact]
    public void DueDates_MonthlyInALeapYear_UsesThe29thOfFebruary() =>
        Assert.Equal([D("2028-01-31"), D("2028-02-29"), D("2028-03-31")],
            PaymentRules.DueDates(Schedule("2028-01-31", PaymentFrequency.Monthly), D("2028-03-31")).ToList());

    [Fact]
    public void DueDates_FourWeeklyAcrossTheLeapDay_StaysTwentyEightDaysApart() =>
        Assert.Equal([D("2028-02-10"), D("2028-03-09")],
            PaymentRules.DueDates(Schedule("2028-02-10"), D("2028-03-09")).ToList());

    [Fact]
    public void DueDates_ScheduleEnded_StopsBeforeTheEndDate() =>
        Assert.Equal([D("2026-01-05"), D("2026-02-02")],
            PaymentRules.DueDates(Schedule("2026-01-05", endsOn: "2026-03-02"), D("2026-12-31")).ToList());

    [Fact]
    public void NextDueAfter_GivesTheFollowingDate()
    {
        Assert.Equal(D("2026-02-02"), PaymentRules.NextDueAfter(Schedule("2026-01-05"), D("2026-01-05")));
        Assert.Equal(D("2026-01-05"), PaymentRules.NextDueAfter(Schedule("2026-01-05"), D("2025-12-01")));
        Assert.Null(PaymentRules.NextDueAfter(Schedule("2026-01-05", endsOn: "2026-02-02"), D("2026-01-05")));
    }

    [Theory]
    [InlineData(PaymentBasis.Net, 35_000, 5_000, 120_000)]
    [InlineData(PaymentBasis.Gross, 35_000, 5_000, 140_000)]
    [InlineData(PaymentBasis.Net, 4_000, 5_000, 0)]   // contribution above the budget: nothing to pay
    public void RegularAmount_NetOrGross(PaymentBasis basis, long weekly, long contribution, long pence) =>
        Assert.Equal(new Money(pence), PaymentRules.RegularAmount(Schedule("2026-01-05", basis: basis, weekly: weekly, contribution: contribution)));

    [Fact]
    public void PaymentsDue_OneOff_PaidOnceWithTheFirstRegularPayment()
    {
        var first = Schedule("2026-01-05", oneOff: 25_000);
        var second = Schedule("2026-03-02", oneOff: 25_000);
        first.EndsOn = second.StartsOn;
        var due = PaymentRules.PaymentsDue([second, first], D("2026-04-01"));
        var oneOff = Assert.Single(due, d => d.Kind == PaymentKind.OneOff);
        Assert.Equal((D("2026-01-05"), D("2026-02-01"), new Money(25_000), first.Id), (oneOff.DueOn, oneOff.PeriodEndsOn, oneOff.Amount, oneOff.ScheduleId));
        Assert.Equal(5, due.Count);
        Assert.Equal(PaymentKind.Regular, due[0].Kind);
    }

    [Fact]
    public void PaymentsDue_ScheduleChangesMidPeriod_PaysTheCutPeriodProRataThenTheNewAmount()
    {
        // The budget rises from £350 to £420 a week from 16 February, in the middle of the period 2 February to 1 March.
        var old = Schedule("2026-01-05", weekly: 35_000, endsOn: "2026-02-16");
        var raised = Schedule("2026-02-16", weekly: 42_000);
        var due = PaymentRules.PaymentsDue([old, raised], D("2026-03-16"));
        Assert.Equal(
            [
                (D("2026-01-05"), D("2026-02-01"), 140_000L),
                (D("2026-02-02"), D("2026-02-15"), 70_000L),   // 14 days of £350 a week
                (D("2026-02-16"), D("2026-03-15"), 168_000L),
                (D("2026-03-16"), D("2026-04-12"), 168_000L),
            ],
            due.Select(d => (d.DueOn, d.PeriodEndsOn, d.Amount.Pence)));
    }

    [Fact]
    public void PaymentsDue_MonthlyPeriods_EndTheDayBeforeTheNext()
    {
        var due = PaymentRules.PaymentsDue([Schedule("2026-01-31", PaymentFrequency.Monthly)], D("2026-02-28"));
        Assert.Equal([(D("2026-01-31"), D("2026-02-27")), (D("2026-02-28"), D("2026-03-30"))], due.Select(d => (d.DueOn, d.PeriodEndsOn)));
    }

    [Fact]
    public void Contributions_NetTwoPeriodsUnpaid_SaysTwoPaymentsBehind()
    {
        var schedule = Schedule("2026-01-05", contribution: 2_500);   // £100 every four weeks
        var position = PaymentRules.Contributions([schedule], new Money(10_000), D("2026-03-02"));
        Assert.Equal(new ContributionPosition(PaymentBasis.Net, new Money(10_000), new Money(30_000), new Money(10_000), new Money(20_000), 2), position);
    }

    [Fact]
    public void Contributions_PartPaid_CountsOnlyWholePeriodsBehind()
    {
        var schedule = Schedule("2026-01-05", PaymentFrequency.Weekly, PaymentBasis.Gross, contribution: 2_000);
        var position = PaymentRules.Contributions([schedule], new Money(3_000), D("2026-01-19"));   // 3 weeks due, £30 paid
        Assert.Equal((new Money(6_000), new Money(3_000), 1, PaymentBasis.Gross), (position.Expected, position.Behind, position.PeriodsBehind, position.Basis));
    }

    [Fact]
    public void Contributions_PaidAhead_IsNotBehind()
    {
        var position = PaymentRules.Contributions([Schedule("2026-01-05", contribution: 2_500)], new Money(50_000), D("2026-01-06"));
        Assert.Equal((Money.Zero, 0), (position.Behind, position.PeriodsBehind));
    }

    [Fact]
    public void Contributions_BeforeTheFirstDueDate_NothingExpected() =>
        Assert.Equal(Money.Zero, PaymentRules.Contributions([Schedule("2026-01-05", contribution: 2_500)], Money.Zero, D("2026-01-04")).Expected);

    [Fact]
    public void Contributions_ContributionChanges_UseEachSchedulesAmountAndTheNewPerPeriod()
    {
        var old = Schedule("2026-01-05", contribution: 2_500, endsOn: "2026-02-02");
        var raised = Schedule("2026-02-02", contribution: 3_000);
        var position = PaymentRules.Contributions([old, raised], Money.Zero, D("2026-03-02"));
        Assert.Equal((new Money(10_000 + 12_000 + 12_000), new Money(12_000), 2), (position.Expected, position.PerPeriod, position.PeriodsBehind));
    }

    [Theory]
    [InlineData("DP-B7KQ2M", 3, "DP-B7KQ2M 0003")]
    [InlineData("DP-B7KQ2M", 1234, "DP-B7KQ2M 1234")]
    public void PaymentReference_ArrangementAndSequence(string reference, int sequence, string expected) =>
        Assert.Equal(expected, PaymentRules.PaymentReference(reference, sequence));

    [Fact]
    public void PaymentReference_TooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => PaymentRules.PaymentReference("DP-ABCDEFGHIJKL", 1));
}
