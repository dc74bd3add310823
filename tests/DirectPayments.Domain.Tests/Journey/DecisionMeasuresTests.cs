using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class DecisionMeasuresTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void OverturnRate_CountsDifferentAmountsAndReturnsButNotUndecided()
    {
        var rate = FundingMeasures.OverturnRate([FundingOutcome.Approved, FundingOutcome.ApprovedDifferentAmount, FundingOutcome.ReturnedForChanges, FundingOutcome.Approved, null]);

        Assert.Equal((4, 2), (rate.Decided, rate.Overturned));
        Assert.Equal(50.0m, rate.Percent);
        Assert.Equal("50.0% (2 of 4 decisions)", rate.ToString());
    }

    [Fact]
    public void OverturnRate_NothingDecided_HasNoPercentage()
    {
        var rate = FundingMeasures.OverturnRate([null]);

        Assert.Null(rate.Percent);
        Assert.Equal("No decisions yet", rate.ToString());
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    public void OverturnRate_RoundsToOneDecimalPlaceHalfUp(int overturned, int decided, double percent) =>
        Assert.Equal((decimal)percent, new OverturnRate(decided, overturned).Percent);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(-3, 0)]
    public void DaysWaiting_CountsWholeDaysAndNeverNegative(int daysAgo, int expected) =>
        Assert.Equal(expected, FundingMeasures.DaysWaiting(Today.AddDays(-daysAgo), Today));

    [Fact]
    public void CanAsk_RefusalNotYetLookedAgain_IsAllowed() =>
        Assert.Null(ReconsiderationRules.CanAsk(Decision(SuitabilityOutcome.Refused)));

    [Fact]
    public void CanAsk_NoDecisionOrSuitable_IsRefused()
    {
        Assert.Equal("no-refusal", ReconsiderationRules.CanAsk(null)?.Code);
        Assert.Equal("no-refusal", ReconsiderationRules.CanAsk(Decision(SuitabilityOutcome.Suitable))?.Code);
    }

    [Fact]
    public void CanAsk_AlreadyAsked_IsRefusedWithAClearMessage()
    {
        var decision = Decision(SuitabilityOutcome.Refused);
        decision.ReconsiderationRequestedAt = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

        var refusal = ReconsiderationRules.CanAsk(decision);

        Assert.Equal("already-asked", refusal?.Code);
        Assert.Equal("You have already asked for this decision to be looked at again. The council will tell you its new decision", refusal?.Message);
    }

    [Fact]
    public void CanAsk_RefusalMadeOnASecondLook_PointsToTheComplaintsProcedure()
    {
        var decision = Decision(SuitabilityOutcome.Refused);
        decision.ReconsidersDecisionId = Guid.NewGuid();

        Assert.Equal("already-looked-again", ReconsiderationRules.CanAsk(decision)?.Code);
    }

    [Theory]
    [InlineData(null, "Enter why you think the decision should change")]
    [InlineData("   ", "Enter why you think the decision should change")]
    public void ValidateRequest_Missing_AsksWhy(string? why, string message) =>
        Assert.Equal(message, Assert.Single(ReconsiderationRules.ValidateRequest(why)).Message);

    [Fact]
    public void ValidateRequest_TooLong_SaysTheLimit()
    {
        Assert.Empty(ReconsiderationRules.ValidateRequest(new string('a', 4000)));
        Assert.Equal("Why you think the decision should change must be 4,000 characters or fewer", Assert.Single(ReconsiderationRules.ValidateRequest(new string('a', 4001))).Message);
    }

    [Fact]
    public void SuitabilityAnswers_UnansweredExclusionQuestion_IsNotAnsweredRatherThanMet()
    {
        var facts = AllMet(LegalRoute.AdultWithCapacity);

        var results = SuitabilityAnswers.Evaluate(facts, Today, Answer.No, Answer.NotAnswered, Answer.NotAnswered, Answer.No);

        Assert.Null(results.Single(r => r.Code == "not-excluded").Met);
        Assert.Null(SuitabilityRules.Outcome(results));
        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(SuitabilityAnswers.Evaluate(facts, Today, Answer.No, Answer.NotAnswered, Answer.No, Answer.No)));
    }

    [Fact]
    public void SuitabilityAnswers_UnansweredNomineeAndFamilyQuestions_AddNotAnsweredConditions()
    {
        var results = SuitabilityAnswers.Evaluate(AllMet(LegalRoute.AdultWithCapacity), Today, Answer.NotAnswered, Answer.NotAnswered, Answer.No, Answer.NotAnswered);

        Assert.Contains(results, r => r.Code == "nominee" && r.Met is null);
        Assert.Contains(results, r => r.Code == "family" && r.Met is null);
        Assert.Null(SuitabilityRules.Outcome(results));
    }

    [Fact]
    public void SuitabilityAnswers_LackingCapacityRelationshipUnanswered_ReplacesTheDbsCondition()
    {
        var facts = AllMet(LegalRoute.AdultLackingCapacity) with { Authorisation = AuthorisationBasis.ConsideredSuitableByCouncil };

        var results = SuitabilityAnswers.Evaluate(facts, Today, Answer.NotAnswered, Answer.NotAnswered, Answer.No, Answer.No);

        Assert.DoesNotContain(results, r => r.Code == "dbs");
        Assert.Contains(results, r => r.Code == "family-or-friend" && r.Met is null);
    }

    [Fact]
    public void SuitabilityAnswers_QuestionsOfAnotherRoute_AreIgnored()
    {
        var results = SuitabilityAnswers.Evaluate(AllMet(LegalRoute.Child), Today, Answer.NotAnswered, Answer.NotAnswered, Answer.No, Answer.No);

        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(results));
    }

    [Theory]
    [InlineData(true, Answer.Yes)]
    [InlineData(false, Answer.No)]
    public void Answers_RoundTripToFacts(bool value, Answer answer)
    {
        Assert.Equal(answer, value.ToAnswer());
        Assert.Equal(value, answer.IsYes());
    }

    [Fact]
    public void Labels_CoverEveryValue()
    {
        Assert.All(Enum.GetValues<RefusalReason>(), r => Assert.False(string.IsNullOrWhiteSpace(r.Label())));
        Assert.All(Enum.GetValues<FundingOutcome>(), o => Assert.False(string.IsNullOrWhiteSpace(o.Label())));
        Assert.All(Enum.GetValues<AuthorisationBasis>(), b => Assert.False(string.IsNullOrWhiteSpace(b.Label())));
        Assert.All(Enum.GetValues<SuitabilityOutcome>(), o => Assert.False(string.IsNullOrWhiteSpace(o.Label())));
    }

    private static SuitabilityFacts AllMet(LegalRoute route) => new()
    {
        Route = route,
        Requested = Answer.Yes,
        HasCapacityToRequest = Answer.Yes,
        Authorisation = AuthorisationBasis.MentalCapacityActAttorneyOrDeputy,
        ActsInBestInterests = Answer.Yes,
        HasParentalResponsibilityOrIs16Or17 = Answer.Yes,
        CapableWithHelp = Answer.Yes,
        Appropriate = Answer.Yes,
    };

    private static SuitabilityDecision Decision(SuitabilityOutcome outcome) => new()
    {
        Id = Guid.NewGuid(),
        FactsJson = "{}",
        Outcome = outcome,
        DecidedOn = Today,
        DecidedByName = "Priya Shah",
    };
}
