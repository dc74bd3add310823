using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class AssessmentRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateOnly Enquiry = new(2026, 4, 1);

    [Fact]
    public void Validate_GoodOutcome_HasNoErrors() =>
        Assert.Empty(AssessmentRules.Validate("CS-1234", Today, "Help with washing and dressing", NeedLevel.High, LegalRoute.AdultWithCapacity, Enquiry, Today));

    [Theory]
    [InlineData(" ", "AssessmentReference", "Enter the assessment reference from the council's case system")]
    [InlineData("x101", "AssessmentReference", "The assessment reference must be 100 characters or fewer")]
    public void Validate_BadReference_SaysWhatToDo(string reference, string field, string message)
    {
        var text = reference == "x101" ? new string('x', 101) : reference;
        var error = Assert.Single(AssessmentRules.Validate(text, Today, "Needs", NeedLevel.Low, LegalRoute.Child, Enquiry, Today));
        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_DateInTheFuture_IsRefused()
    {
        var error = Assert.Single(AssessmentRules.Validate("CS-1", Today.AddDays(1), "Needs", NeedLevel.Low, LegalRoute.Child, Enquiry, Today));
        Assert.Equal("The date of the assessment must be today or in the past", error.Message);
    }

    [Fact]
    public void Validate_DateBeforeTheEnquiry_SaysTheEnquiryDate()
    {
        var error = Assert.Single(AssessmentRules.Validate("CS-1", Enquiry.AddDays(-1), "Needs", NeedLevel.Low, LegalRoute.Child, Enquiry, Today));
        Assert.Equal("The date of the assessment must be on or after the enquiry date, 1 April 2026", error.Message);
    }

    [Fact]
    public void Validate_NothingGiven_ListsEveryQuestion()
    {
        var fields = AssessmentRules.Validate(null, null, null, null, null, Enquiry, Today).Select(e => e.Field);
        Assert.Equal(["AssessmentReference", "AssessedOn", "EligibleNeeds", "NeedLevel", "Route"], fields);
    }

    [Theory]
    [InlineData(Stage.Assessment, true)]
    [InlineData(Stage.Planning, true)]
    [InlineData(Stage.Enquiry, false)]
    [InlineData(Stage.Suitability, false)]
    [InlineData(Stage.Active, false)]
    [InlineData(Stage.Ended, false)]
    public void CanRecord_OnlyAtAssessmentOrPlanning(Stage stage, bool allowed) =>
        Assert.Equal(allowed, AssessmentRules.CanRecord(stage) is null);

    [Fact]
    public void InForce_TakesTheNewestVersionAlreadyEffective()
    {
        AllocationToolVersion V(int n, DateOnly from) => new() { Version = n, EffectiveFrom = from, CreatedByName = "Test" };
        var versions = new[] { V(1, new DateOnly(2025, 4, 1)), V(2, new DateOnly(2026, 4, 1)), V(3, new DateOnly(2026, 6, 1)) };
        Assert.Equal(2, AssessmentRules.InForce(versions, Today)!.Version);
        Assert.Null(AssessmentRules.InForce(versions, new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void Indicative_RateSet_GivesTheWeeklyAmount()
    {
        var tool = new AllocationToolVersion { Version = 1, CreatedByName = "Test", Rates = [new AllocationRate { AgeBand = AgeBand.Adult65AndOver, NeedLevel = NeedLevel.High, WeeklyPence = 35000 }] };
        var (weekly, refusal) = AssessmentRules.Indicative(tool, AgeBand.Adult65AndOver, NeedLevel.High);
        Assert.Null(refusal);
        Assert.Equal(Money.FromPounds(350m), weekly);
    }

    [Fact]
    public void Indicative_NoRate_SaysWhichRateIsMissingAndWhereToSetIt()
    {
        var tool = new AllocationToolVersion { Version = 1, CreatedByName = "Test" };
        var (weekly, refusal) = AssessmentRules.Indicative(tool, AgeBand.Adult65AndOver, NeedLevel.High);
        Assert.Null(weekly);
        Assert.Equal("The council has not set an allocation tool rate for adults aged 65 and over with high needs. Ask your manager to set one at /admin/allocation-tool", refusal!.Message);
    }

    [Fact]
    public void Indicative_NoTool_SaysToSetOneUp()
    {
        var (weekly, refusal) = AssessmentRules.Indicative(null, AgeBand.Child, NeedLevel.Low);
        Assert.Null(weekly);
        Assert.Equal("no-allocation-tool", refusal!.Code);
    }
}
