using System.Globalization;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class AssessmentRulesTests
{
    private static readonly DateOnly Enquiry = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Fact]
    public void Validate_CompleteOutcome_HasNoErrors() =>
        Assert.Empty(AssessmentRules.Validate("CS-123", new DateOnly(2026, 3, 10), "Help with washing and dressing", NeedLevel.Moderate, Enquiry, Today));

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-20")]
    public void Validate_OnTheEnquiryDateOrToday_IsAccepted(string date) =>
        Assert.Empty(AssessmentRules.Validate("CS-123", DateOnly.Parse(date, CultureInfo.InvariantCulture), "Needs", NeedLevel.Low, Enquiry, Today));

    public static TheoryData<string?, DateOnly?, string?, NeedLevel?, string, string> BadOutcomes() => new()
    {
        { null, new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "Enter the assessment reference from the council's case system" },
        { "   ", new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "Enter the assessment reference from the council's case system" },
        { new string('x', 101), new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "The assessment reference must be 100 characters or fewer" },
        { "CS-1", null, "Needs", NeedLevel.Low, "AssessedOn", "Enter the date of the assessment" },
        { "CS-1", new DateOnly(2026, 3, 21), "Needs", NeedLevel.Low, "AssessedOn", "The date of the assessment must be today or in the past" },
        { "CS-1", new DateOnly(2026, 3, 1), "Needs", NeedLevel.Low, "AssessedOn", "The date of the assessment must be on or after the date of the enquiry, 2 March 2026" },
        { "CS-1", new DateOnly(2026, 3, 10), "", NeedLevel.Low, "EligibleNeeds", "Enter the eligible needs the assessment found" },
        { "CS-1", new DateOnly(2026, 3, 10), new string('x', 4001), NeedLevel.Low, "EligibleNeeds", "The eligible needs must be 4,000 characters or fewer" },
        { "CS-1", new DateOnly(2026, 3, 10), "Needs", null, "NeedLevel", "Select the level of need the assessment found" },
    };

    [Theory]
    [MemberData(nameof(BadOutcomes))]
    public void Validate_OneBadField_SaysWhatToDoAtThatField(string? reference, DateOnly? assessedOn, string? needs, NeedLevel? level, string field, string message)
    {
        var error = Assert.Single(AssessmentRules.Validate(reference, assessedOn, needs, level, Enquiry, Today));
        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_NothingEntered_ReportsEveryFieldInFormOrder()
    {
        var errors = AssessmentRules.Validate(null, null, null, null, Enquiry, Today);
        Assert.Equal(["AssessmentReference", "AssessedOn", "EligibleNeeds", "NeedLevel"], errors.Select(e => e.Field));
    }

    [Fact]
    public void CheckRoute_NoneChosen_AsksForTheLaw()
    {
        Assert.Equal("Select the law the direct payment will be made under", AssessmentRules.CheckRoute(null)!.Message);
        Assert.Null(AssessmentRules.CheckRoute(LegalRoute.Child));
    }

    [Theory]
    [InlineData(Stage.Assessment, null)]
    [InlineData(Stage.Planning, null)]
    [InlineData(Stage.Enquiry, "assessment-not-started")]
    [InlineData(Stage.Suitability, "assessment-closed")]
    [InlineData(Stage.FundingDecision, "assessment-closed")]
    [InlineData(Stage.Agreement, "assessment-closed")]
    [InlineData(Stage.SetUp, "assessment-closed")]
    [InlineData(Stage.Active, "assessment-closed")]
    [InlineData(Stage.Suspended, "assessment-closed")]
    [InlineData(Stage.Ended, "assessment-closed")]
    public void CanRecord_EachStage_AllowsOnlyAssessmentAndPlanning(Stage stage, string? code) =>
        Assert.Equal(code, AssessmentRules.CanRecord(stage)?.Code);

    [Fact]
    public void CanRecord_LaterStage_NamesTheStageInTheMessage() =>
        Assert.Equal("The assessment outcome can only be recorded or changed at assessment or support planning. This direct payment is at funding decision",
            AssessmentRules.CanRecord(Stage.FundingDecision)!.Message);

    [Fact]
    public void Apply_TrimsAndRecordsEveryField()
    {
        var arrangement = new Arrangement { Reference = "DP-BCDFGH" };
        AssessmentRules.Apply(arrangement, " CS-9 ", new DateOnly(2026, 3, 10), " Needs help at meals ", NeedLevel.High);
        Assert.Equal("CS-9", arrangement.AssessmentReference);
        Assert.Equal(new DateOnly(2026, 3, 10), arrangement.AssessedOn);
        Assert.Equal("Needs help at meals", arrangement.EligibleNeeds);
        Assert.Equal(NeedLevel.High, arrangement.NeedLevel);
    }

    [Fact]
    public void InForce_TakesTheNewestVersionAlreadyEffective()
    {
        AllocationToolVersion V(int n, DateOnly from) => new() { Version = n, EffectiveFrom = from, CreatedByName = "Test" };
        var versions = new[] { V(1, new DateOnly(2025, 4, 1)), V(2, new DateOnly(2026, 3, 1)), V(3, new DateOnly(2026, 6, 1)) };
        Assert.Equal(2, AssessmentRules.InForce(versions, Today)!.Version);
        Assert.Null(AssessmentRules.InForce(versions, new DateOnly(2025, 3, 31)));
    }

    private static readonly AllocationToolVersion Tool = new()
    {
        CreatedByName = "Test",
        Rates =
        [
            new AllocationRate { AgeBand = AgeBand.Child, NeedLevel = NeedLevel.Moderate, WeeklyPence = 12_000 },
            new AllocationRate { AgeBand = AgeBand.Adult18To64, NeedLevel = NeedLevel.Moderate, WeeklyPence = 25_000 },
            new AllocationRate { AgeBand = AgeBand.Adult65AndOver, NeedLevel = NeedLevel.Moderate, WeeklyPence = 30_000 },
        ],
    };

    private static Person Born(string date) =>
        new() { Reference = "EX-1", GivenName = "A", FamilyName = "B", DateOfBirth = DateOnly.Parse(date, CultureInfo.InvariantCulture) };

    [Theory]
    [InlineData("2008-03-11", 12_000)]   // 17 on the assessment date, 18 the day after: a child
    [InlineData("2008-03-10", 25_000)]   // 18 that day: an adult
    [InlineData("1961-03-10", 30_000)]   // 65 that day
    public void Indicative_UsesAgeBandOnTheAssessmentDate(string born, long pence)
    {
        var (weekly, refusal) = AssessmentRules.Indicative(Tool, Born(born), new DateOnly(2026, 3, 10), NeedLevel.Moderate);
        Assert.Null(refusal);
        Assert.Equal(new Money(pence), weekly);
    }

    [Fact]
    public void Indicative_BirthdayBetweenAssessmentAndToday_StillUsesTheAssessmentDate()
    {
        // 18 on 15 March 2026: assessed as a child on 10 March, even though an adult by "today" (20 March).
        var (weekly, _) = AssessmentRules.Indicative(Tool, Born("2008-03-15"), new DateOnly(2026, 3, 10), NeedLevel.Moderate);
        Assert.Equal(new Money(12_000), weekly);
    }

    [Fact]
    public void Indicative_NoRate_SaysWhichRateIsMissingAndWhereToSetIt()
    {
        var tool = new AllocationToolVersion { Version = 1, CreatedByName = "Test" };
        var (weekly, refusal) = AssessmentRules.Indicative(tool, Born("1950-01-01"), Today, NeedLevel.High);
        Assert.Null(weekly);
        Assert.Equal("The council has not set an allocation tool rate for adults aged 65 and over with high needs. Ask your manager to set one at /admin/allocation-tool", refusal!.Message);
    }

    [Fact]
    public void Indicative_NoTool_SaysToSetOneUp()
    {
        var (weekly, refusal) = AssessmentRules.Indicative(null, Born("1980-01-01"), Today, NeedLevel.Low);
        Assert.Null(weekly);
        Assert.Equal("no-allocation-tool", refusal!.Code);
    }
}
