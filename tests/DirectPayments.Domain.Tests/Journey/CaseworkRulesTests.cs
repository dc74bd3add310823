using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class CaseworkRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Person Born(DateOnly dateOfBirth) =>
        new() { Reference = "EX-1", GivenName = "Eleanor", FamilyName = "Smith", DateOfBirth = dateOfBirth };

    [Theory]
    [InlineData("2008-11-24", LegalRoute.Child)]
    [InlineData("2008-11-23", LegalRoute.AdultWithCapacity)]
    [InlineData("1944-01-30", LegalRoute.AdultWithCapacity)]
    public void DefaultRoute_ByAgeToday_IsChildUnder18(string born, LegalRoute expected) =>
        Assert.Equal(expected, EnquiryRules.DefaultRoute(Born(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture)), Today));

    [Fact]
    public void AlreadyOpen_NamesThePersonAndTheStep() =>
        Assert.Equal("Eleanor already has a direct payment at the support planning step. Open it instead", EnquiryRules.AlreadyOpen("Eleanor", Stage.Planning));

    [Fact]
    public void ValidateVisit_InThePast_IsRefused()
    {
        var error = Assert.Single(EnquiryRules.ValidateVisit("VisitOn", Today.AddDays(-1), Today, required: true));
        Assert.Equal(new FieldError("VisitOn", "The date of the home visit must be today or in the future"), error);
    }

    [Fact]
    public void ValidateVisit_TodayOrSoon_IsAllowed()
    {
        Assert.Empty(EnquiryRules.ValidateVisit("VisitOn", Today, Today, required: true));
        Assert.Empty(EnquiryRules.ValidateVisit("VisitOn", Today.AddMonths(12), Today, required: true));
        Assert.Empty(EnquiryRules.ValidateVisit("VisitOn", null, Today, required: false));
    }

    [Fact]
    public void ValidateVisit_MissingWhenRequired_OrOverAYearAhead_IsRefused()
    {
        Assert.Equal("Enter the date of the home visit", Assert.Single(EnquiryRules.ValidateVisit("VisitOn", null, Today, required: true)).Message);
        Assert.Equal("The date of the home visit must be within the next 12 months",
            Assert.Single(EnquiryRules.ValidateVisit("VisitOn", Today.AddMonths(12).AddDays(1), Today, required: true)).Message);
    }

    [Fact]
    public void HomeVisitDue_WithoutPreference_IsWithinTenDays()
    {
        Assert.Equal(Today.AddDays(10), EnquiryRules.HomeVisitDue(Today, null));
        Assert.Equal(Today.AddDays(3), EnquiryRules.HomeVisitDue(Today, Today.AddDays(3)));
    }

    [Fact]
    public void ValidatePersonEnding_NothingChosen_AsksForReasonAndConfirmation()
    {
        var errors = EndingRules.ValidatePersonEnding(null, null, confirmed: false);
        Assert.Equal(["PersonReason", "Confirm"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ValidatePersonEnding_ACouncilOnlyReason_IsRefused() =>
        Assert.Equal("PersonReason", Assert.Single(EndingRules.ValidatePersonEnding(EndingReason.NotUsedForNeeds, null, confirmed: true)).Field);

    [Fact]
    public void ValidatePersonEnding_ReasonAndConfirmation_IsAllowed() =>
        Assert.Empty(EndingRules.ValidatePersonEnding(EndingReason.PersonChoseToStop, null, confirmed: true));

    [Fact]
    public void ValidateCouncilEnding_BeforeTheNoticePeriod_ExplainsTheEarliestDate()
    {
        var errors = EndingRules.ValidateCouncilEnding(EndingReason.NotUsedForNeeds, "The money was spent on things outside the plan for six months.", Today, Today.AddDays(27), Today);
        var error = Assert.Single(errors);
        Assert.Equal("EndsOn", error.Field);
        Assert.Equal("The end date must be on or after 21 December 2026: the council gives 28 days' notice unless the law says payments must stop straight away", error.Message);
    }

    [Fact]
    public void ValidateCouncilEnding_AfterTheNoticePeriod_IsAllowed() =>
        Assert.Empty(EndingRules.ValidateCouncilEnding(EndingReason.NotUsedForNeeds, "The money was spent on things outside the plan for six months.", Today, Today.AddDays(28), Today));

    [Fact]
    public void ValidateCouncilEnding_WhenTheLawSaysStopNow_CanEndOnTheDayOfNotice() =>
        Assert.Empty(EndingRules.ValidateCouncilEnding(EndingReason.ConditionsNoLongerMet, "The conditions for a direct payment are no longer met.", Today, Today, Today));

    [Fact]
    public void ValidateCouncilEnding_ShortReasonsAndFutureNotice_AreRefused()
    {
        var errors = EndingRules.ValidateCouncilEnding(EndingReason.Other, "Ended", Today.AddDays(1), Today.AddDays(40), Today);
        Assert.Contains(new FieldError("Reasons", "Write the reasons in at least one full sentence, so the person understands why"), errors);
        Assert.Contains(new FieldError("NoticeGivenOn", "The date notice was given must be today or in the past"), errors);
    }

    [Fact]
    public void ValidateCouncilEnding_Empty_AsksForEverything() =>
        Assert.Equal(["Reason", "Reasons", "NoticeGivenOn", "EndsOn"], EndingRules.ValidateCouncilEnding(null, null, null, null, Today).Select(e => e.Field));

    [Fact]
    public void PersonLabel_EveryReason_HasWords() =>
        Assert.All(Enum.GetValues<EndingReason>(), r => Assert.False(string.IsNullOrWhiteSpace(r.PersonLabel())));

    [Fact]
    public void TaskCompletion_InTheFutureOrWithoutWhatHappened_IsRefused()
    {
        var errors = TaskCompletionRules.Validate(Today.AddDays(1), " ", Today);
        Assert.Equal(
            [new FieldError("DoneOn", "The date the task was done must be today or in the past"), new FieldError("Outcome", "Enter what happened")],
            errors);
        Assert.Empty(TaskCompletionRules.Validate(Today, "Visited; all fine.", Today));
    }
}
