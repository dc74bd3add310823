using System.Globalization;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class TaskRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-01", "2026-09-01")]
    [InlineData("2026-08-31", "2027-02-28")] // six months after 31 August is the last day of February
    [InlineData("2027-08-31", "2028-02-29")] // in a leap year, 29 February
    [InlineData("2026-08-30", "2027-02-28")]
    [InlineData("2026-03-31", "2026-09-30")]
    [InlineData("2026-12-31", "2027-06-30")]
    public void FirstReviewDue_FirstPayment_IsSixCalendarMonthsLater(string firstPayment, string due) =>
        Assert.Equal(D(due), TaskRules.FirstReviewDue(D(firstPayment)));

    [Theory]
    [InlineData("2028-02-29", 12, "2029-02-28")] // a year after 29 February, in a year without one
    [InlineData("2027-02-28", 12, "2028-02-28")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-05-15", 6, "2026-11-15")]
    [InlineData("2026-05-15", 3, "2026-08-15")]
    public void NextReviewDue_Interval_IsCalendarMonthsLater(string last, int months, string due) =>
        Assert.Equal(D(due), TaskRules.NextReviewDue(D(last), months));

    [Theory]
    [InlineData(13, "2027-05-15")]
    [InlineData(24, "2027-05-15")]
    [InlineData(int.MaxValue, "2027-05-15")]
    [InlineData(0, "2026-06-15")]
    [InlineData(-6, "2026-06-15")]
    [InlineData(int.MinValue, "2026-06-15")]
    public void NextReviewDue_IntervalOutsideOneToTwelve_IsClamped(int months, string due) =>
        Assert.Equal(D(due), TaskRules.NextReviewDue(D("2026-05-15"), months));

    [Theory]
    [InlineData("2026-09-01", "2026-10-13")]
    [InlineData("2026-12-20", "2027-01-31")]
    [InlineData("2028-02-01", "2028-03-14")] // through 29 February
    public void SixWeekCheckDue_PersonalAssistantStarts_Is42DaysLater(string starts, string due) =>
        Assert.Equal(D(due), TaskRules.SixWeekCheckDue(D(starts)));

    [Theory]
    [InlineData("2026-01-15", "2026-07-15")]
    [InlineData("2026-08-31", "2027-02-28")]
    [InlineData("2027-08-31", "2028-02-29")]
    public void NextChildVisitDue_LastVisit_IsSixCalendarMonthsLater(string from, string due) =>
        Assert.Equal(D(due), TaskRules.NextChildVisitDue(D(from)));

    [Theory]
    [InlineData(EndingReason.Died, "2026-10-01")]
    [InlineData(EndingReason.ConditionsNoLongerMet, "2026-10-01")]
    [InlineData(EndingReason.MovedAway, "2026-10-01")]
    [InlineData(EndingReason.PersonChoseToStop, "2026-10-29")]
    [InlineData(EndingReason.NeedsMetAnotherWay, "2026-10-29")]
    [InlineData(EndingReason.NoLongerEligible, "2026-10-29")]
    [InlineData(EndingReason.NotUsedForNeeds, "2026-10-29")]
    [InlineData(EndingReason.DecidedNotToGoAhead, "2026-10-29")]
    [InlineData(EndingReason.Other, "2026-10-29")]
    public void EarliestCouncilEnding_Reason_IsAtOnceWhenTheLawSaysElse28DaysNotice(EndingReason reason, string earliest) =>
        Assert.Equal(D(earliest), TaskRules.EarliestCouncilEnding(D("2026-10-01"), reason));

    [Fact]
    public void EarliestCouncilEnding_EveryReason_IsCovered() =>
        Assert.All(Enum.GetValues<EndingReason>(), r => Assert.True(TaskRules.EarliestCouncilEnding(D("2026-10-01"), r) >= D("2026-10-01")));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData(" , ,", "")]
    [InlineData("agreement", "agreement")]
    [InlineData("agreement,records", "agreement,records")]
    [InlineData(" records , agreement ", "records,agreement")]
    [InlineData("agreement,agreement,records,agreement", "agreement,records")]
    [InlineData("agreement,bank-details,records,AGREEMENT", "agreement,records")] // unknown codes, and codes are exact
    public void Parse_Ticked_KeepsKnownCodesOnce(string? done, string expected) =>
        Assert.Equal(expected, string.Join(",", SignUpChecklist.Parse(done)));

    [Theory]
    [InlineData("agreement,account,records,contingency,contacts", true)]
    [InlineData("contacts, contingency, records, account, agreement", true)]
    [InlineData("agreement,account,records,contingency,contacts,unknown,agreement", true)]
    [InlineData("agreement,account,records,contingency", false)]
    [InlineData("agreement,agreement,agreement,agreement,agreement", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsComplete_Ticked_NeedsEveryItem(string? done, bool complete) =>
        Assert.Equal(complete, SignUpChecklist.IsComplete(done));

    [Fact]
    public void Items_Codes_AreUniqueAndCommaFree()
    {
        var codes = SignUpChecklist.Items.Select(i => i.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.DoesNotContain(',', c));
        Assert.True(SignUpChecklist.IsComplete(string.Join(",", codes)));
    }

    [Theory]
    [InlineData("2026-10-01", null, "2026-10-02", true)]
    [InlineData("2026-10-01", null, "2026-10-01", false)] // due today is not overdue yet
    [InlineData("2026-10-01", null, "2026-09-30", false)]
    [InlineData("2026-10-01", "2026-10-05", "2026-10-10", false)] // done late, but done
    public void IsOverdueOn_DueAndCompleted_OverdueOnlyWhenOpenAfterDueDate(string due, string? completed, string today, bool overdue)
    {
        var task = new CaseTask { DueOn = D(due), CompletedOn = completed is null ? null : D(completed) };

        Assert.Equal(overdue, task.IsOverdueOn(D(today)));
        Assert.Equal(completed is null, task.IsOpen);
    }
}
