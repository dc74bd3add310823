using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class FundingRulesTests
{
    private const string GoodReasons = "The plan needs two extra hours a week for the evening call.";

    private static Money? Pence(long? pence) => pence is { } p ? new Money(p) : null;

    /// <summary>A proposal of £420.00 a week with a £119.85 contribution, the worked example of RULES.md section 10.4.</summary>
    private static FundingDecision Proposal() => new()
    {
        ProposedByName = "Priya Shah",
        ProposedWeeklyPence = 42000,
        ContributionWeeklyPence = 11985,
    };

    [Theory]
    [InlineData(42000, 11985, 42000, 11985, 30015)] // RULES.md section 10.4
    [InlineData(35000, 0, 35000, 0, 35000)]
    [InlineData(35000, 34999, 35000, 34999, 1)]
    [InlineData(35000, 35000, 35000, 35000, 0)]
    [InlineData(35000, 50000, 35000, 35000, 0)] // contribution capped at the cost
    public void Figures_CostAndContribution_GiveTheCouncilAmount(long cost, long contribution, long expectedCost, long expectedContribution, long councilAmount)
    {
        var figures = FundingRules.Figures(new Money(cost), new Money(contribution));

        Assert.Equal((new Money(expectedCost), new Money(expectedContribution), new Money(councilAmount)), figures);
    }

    [Theory]
    [InlineData(35000L, 0L, null, null)]
    [InlineData(35000L, 34999L, null, null)]
    [InlineData(35000L, 5000L, 35000L, null)] // same as the indicative amount: no reasons needed
    [InlineData(42000L, 11985L, 35000L, GoodReasons)]
    public void ValidateProposal_GoodProposal_HasNoErrors(long? weekly, long? contribution, long? indicative, string? reasons) =>
        Assert.Empty(FundingRules.ValidateProposal(Pence(weekly), Pence(contribution), Pence(indicative), reasons));

    [Theory]
    [InlineData(null, 0L, "ProposedWeekly", "Enter the weekly budget in pounds and pence, like 350.00")]
    [InlineData(0L, 0L, "ProposedWeekly", "The weekly budget must be more than £0.00")]
    [InlineData(-100L, 0L, "ProposedWeekly", "The weekly budget must be more than £0.00")]
    [InlineData(35000L, null, "Contribution", "Enter the person's weekly contribution in pounds and pence, or 0 if they pay nothing")]
    [InlineData(35000L, -1L, "Contribution", "The contribution cannot be less than £0.00")]
    [InlineData(35000L, 35000L, "Contribution", "The contribution must be less than the weekly budget: a direct payment needs the council to pay part of the cost (Care Act section 31)")]
    [InlineData(35000L, 35001L, "Contribution", "The contribution must be less than the weekly budget: a direct payment needs the council to pay part of the cost (Care Act section 31)")]
    public void ValidateProposal_BadAmount_SaysWhatIsWrong(long? weekly, long? contribution, string field, string message)
    {
        var error = Assert.Single(FundingRules.ValidateProposal(Pence(weekly), Pence(contribution), null, null));

        Assert.Equal(new FieldError(field, message), error);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void ValidateProposal_WeeklyNotMoreThanZero_IsTheOnlyComplaint(long weekly) =>
        Assert.Equal("ProposedWeekly", Assert.Single(FundingRules.ValidateProposal(new Money(weekly), new Money(5000), new Money(35000), null)).Field);

    [Fact]
    public void ValidateProposal_NothingEntered_AsksForBothAmounts() =>
        Assert.Equal(["ProposedWeekly", "Contribution"], FundingRules.ValidateProposal(null, null, new Money(35000), null).Select(e => e.Field));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ValidateProposal_DifferentFromIndicativeWithoutReasons_AsksWhy(string? reasons)
    {
        var error = Assert.Single(FundingRules.ValidateProposal(new Money(42000), Money.Zero, new Money(35000), reasons));

        Assert.Equal(new FieldError("SufficiencyReasons", "Explain why the budget differs from the indicative amount of £350.00, and why it is enough to meet the needs"), error);
    }

    [Fact]
    public void ValidateProposal_LessThanIndicative_AlsoNeedsReasons() =>
        Assert.Equal("SufficiencyReasons", Assert.Single(FundingRules.ValidateProposal(new Money(30000), Money.Zero, new Money(35000), null)).Field);

    [Fact]
    public void ValidateDecision_NoOutcome_AsksForADecision() =>
        Assert.Equal(new FieldError("Outcome", "Select a decision"),
            Assert.Single(FundingRules.ValidateDecision(Proposal(), null, new Money(1), GoodReasons)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Agreed.")]
    public void ValidateDecision_ApprovedAsProposed_NeedsNoReasons(string? reasons) =>
        Assert.Empty(FundingRules.ValidateDecision(Proposal(), FundingOutcome.Approved, null, reasons));

    [Theory]
    [InlineData(45000L)]
    [InlineData(40000L)]
    [InlineData(11986L)] // a penny more than the contribution
    public void ValidateDecision_DifferentAmountWithReasons_IsAccepted(long decided) =>
        Assert.Empty(FundingRules.ValidateDecision(Proposal(), FundingOutcome.ApprovedDifferentAmount, new Money(decided), GoodReasons));

    [Theory]
    [InlineData(null, "Enter the weekly budget you are agreeing, in pounds and pence")]
    [InlineData(42000L, "This is the amount proposed. Choose \"Agree the proposed budget\" instead")]
    [InlineData(11985L, "The weekly budget must be more than the person's contribution of £119.85")]
    [InlineData(5000L, "The weekly budget must be more than the person's contribution of £119.85")]
    [InlineData(0L, "The weekly budget must be more than the person's contribution of £119.85")]
    public void ValidateDecision_DifferentAmountNotValid_SaysWhy(long? decided, string message)
    {
        var error = Assert.Single(FundingRules.ValidateDecision(Proposal(), FundingOutcome.ApprovedDifferentAmount, Pence(decided), GoodReasons));

        Assert.Equal(new FieldError("DecidedWeekly", message), error);
    }

    [Theory]
    [InlineData(FundingOutcome.ApprovedDifferentAmount, null)]
    [InlineData(FundingOutcome.ApprovedDifferentAmount, "   ")]
    [InlineData(FundingOutcome.ApprovedDifferentAmount, "Too much money here")]
    [InlineData(FundingOutcome.ReturnedForChanges, null)]
    [InlineData(FundingOutcome.ReturnedForChanges, "")]
    [InlineData(FundingOutcome.ReturnedForChanges, "    Plan is not costed    ")]
    public void ValidateDecision_OverturnWithoutAFullSentence_AsksForReasons(FundingOutcome outcome, string? reasons)
    {
        var error = Assert.Single(FundingRules.ValidateDecision(Proposal(), outcome, new Money(40000), reasons));

        Assert.Equal(new FieldError("Reasons", "Explain the decision in at least one full sentence: the practitioner and the person will read it"), error);
    }

    [Fact]
    public void ValidateDecision_ReturnedWithReasonsOf20Characters_IsAccepted()
    {
        Assert.Equal(20, "Cost the PA hours ok".Length);

        Assert.Empty(FundingRules.ValidateDecision(Proposal(), FundingOutcome.ReturnedForChanges, null, "Cost the PA hours ok"));
    }

    [Theory]
    [InlineData(FundingOutcome.Approved, 4001, 1)]
    [InlineData(FundingOutcome.ReturnedForChanges, 4001, 1)]
    [InlineData(FundingOutcome.ReturnedForChanges, 4000, 0)]
    public void ValidateDecision_ReasonsOver4000Characters_AreRefused(FundingOutcome outcome, int length, int errors)
    {
        var found = FundingRules.ValidateDecision(Proposal(), outcome, null, new string('a', length));

        Assert.Equal(errors, found.Count);
        Assert.All(found, e => Assert.Equal(new FieldError("Reasons", "Reasons must be 4,000 characters or fewer"), e));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(FundingOutcome.Approved, false)]
    [InlineData(FundingOutcome.ApprovedDifferentAmount, true)]
    [InlineData(FundingOutcome.ReturnedForChanges, true)]
    public void IsOverturn_Outcome_CountsDifferentAmountsAndReturns(FundingOutcome? outcome, bool overturn) =>
        Assert.Equal(overturn, new FundingDecision { ProposedByName = "Priya Shah", Outcome = outcome }.IsOverturn);

    [Fact]
    public void Indicative_RateForBandAndLevel_IsFoundOrNull()
    {
        var tool = new AllocationToolVersion
        {
            CreatedByName = "Alex Morgan",
            Rates =
            [
                new AllocationRate { AgeBand = AgeBand.Adult18To64, NeedLevel = NeedLevel.High, WeeklyPence = 42000 },
                new AllocationRate { AgeBand = AgeBand.Adult65AndOver, NeedLevel = NeedLevel.High, WeeklyPence = 38000 },
            ],
        };

        Assert.Equal(new Money(42000), tool.Indicative(AgeBand.Adult18To64, NeedLevel.High));
        Assert.Equal(new Money(38000), tool.Indicative(AgeBand.Adult65AndOver, NeedLevel.High));
        Assert.Null(tool.Indicative(AgeBand.Adult18To64, NeedLevel.Low));
    }
}
