using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class AssessmentOutcomeTests
{
    private static readonly DateOnly Enquiry = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Fact]
    public void Validate_CompleteOutcome_HasNoErrors() =>
        Assert.Empty(AssessmentOutcome.Validate("CS-123", new DateOnly(2026, 3, 10), Enquiry, Today, "Help with washing and dressing", NeedLevel.Moderate));

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-20")]
    public void Validate_OnTheEnquiryDateOrToday_IsAccepted(string date) =>
        Assert.Empty(AssessmentOutcome.Validate("CS-123", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Enquiry, Today, "Needs", NeedLevel.Low));

    public static TheoryData<string?, DateOnly?, string?, NeedLevel?, string, string> BadOutcomes() => new()
    {
        { null, new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "Enter the assessment reference from the case system" },
        { "   ", new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "Enter the assessment reference from the case system" },
        { new string('x', 101), new DateOnly(2026, 3, 10), "Needs", NeedLevel.Low, "AssessmentReference", "The assessment reference must be 100 characters or fewer" },
        { "CS-1", null, "Needs", NeedLevel.Low, "AssessedOn", "Enter the date of the assessment" },
        { "CS-1", new DateOnly(2026, 3, 21), "Needs", NeedLevel.Low, "AssessedOn", "The date of the assessment must be today or in the past" },
        { "CS-1", new DateOnly(2026, 3, 1), "Needs", NeedLevel.Low, "AssessedOn", "The date of the assessment must be on or after the date of the enquiry, 2 March 2026" },
        { "CS-1", new DateOnly(2026, 3, 10), "", NeedLevel.Low, "EligibleNeeds", "Enter the eligible needs the assessment found" },
        { "CS-1", new DateOnly(2026, 3, 10), new string('x', 4001), NeedLevel.Low, "EligibleNeeds", "The eligible needs must be 4,000 characters or fewer" },
        { "CS-1", new DateOnly(2026, 3, 10), "Needs", null, "NeedLevel", "Select the level of need" },
    };

    [Theory]
    [MemberData(nameof(BadOutcomes))]
    public void Validate_OneBadField_SaysWhatToDoAtThatField(string? reference, DateOnly? assessedOn, string? needs, NeedLevel? level, string field, string message)
    {
        var error = Assert.Single(AssessmentOutcome.Validate(reference, assessedOn, Enquiry, Today, needs, level));
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_NothingEntered_ReportsEveryFieldInFormOrder()
    {
        var errors = AssessmentOutcome.Validate(null, null, Enquiry, Today, null, null);
        Assert.Equal(["AssessmentReference", "AssessedOn", "EligibleNeeds", "NeedLevel"], errors.Select(e => e.Field));
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
    public void CanRecordAt_EachStage_AllowsOnlyAssessmentAndPlanning(Stage stage, string? code) =>
        Assert.Equal(code, AssessmentOutcome.CanRecordAt(stage)?.Code);

    [Fact]
    public void CanRecordAt_LaterStage_NamesTheStageInTheMessage() =>
        Assert.Equal("The assessment outcome can only be recorded at the assessment or support planning step. This direct payment is at funding decision",
            AssessmentOutcome.CanRecordAt(Stage.FundingDecision)!.Message);

    [Fact]
    public void Apply_TrimsAndRecordsEveryField()
    {
        var arrangement = new Arrangement { Reference = "DP-BCDFGH" };
        AssessmentOutcome.Apply(arrangement, " CS-9 ", new DateOnly(2026, 3, 10), " Needs help at meals ", NeedLevel.High);
        Assert.Equal("CS-9", arrangement.AssessmentReference);
        Assert.Equal(new DateOnly(2026, 3, 10), arrangement.AssessedOn);
        Assert.Equal("Needs help at meals", arrangement.EligibleNeeds);
        Assert.Equal(NeedLevel.High, arrangement.NeedLevel);
    }

    [Theory]
    [InlineData("2008-03-11", 12_000)]   // 17 on the assessment date, 18 the day after: a child
    [InlineData("2008-03-10", 25_000)]   // 18 that day: an adult
    [InlineData("1961-03-10", 30_000)]   // 65 that day
    public void IndicativeBudget_UsesAgeBandOnTheAssessmentDate(string born, long pence)
    {
        var tool = new AllocationToolVersion
        {
            CreatedByName = "Test",
            Rates =
            [
                new AllocationRate { AgeBand = AgeBand.Child, NeedLevel = NeedLevel.Moderate, WeeklyPence = 12_000 },
                new AllocationRate { AgeBand = AgeBand.Adult18To64, NeedLevel = NeedLevel.Moderate, WeeklyPence = 25_000 },
                new AllocationRate { AgeBand = AgeBand.Adult65AndOver, NeedLevel = NeedLevel.Moderate, WeeklyPence = 30_000 },
            ],
        };
        var person = new Person { Reference = "EX-1", GivenName = "A", FamilyName = "B", DateOfBirth = DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(new Money(pence), AssessmentOutcome.IndicativeBudget(tool, person, new DateOnly(2026, 3, 10), NeedLevel.Moderate));
    }

    [Fact]
    public void IndicativeBudget_NoToolOrNoRate_IsNull()
    {
        var person = new Person { Reference = "EX-1", GivenName = "A", FamilyName = "B", DateOfBirth = new DateOnly(1980, 1, 1) };
        Assert.Null(AssessmentOutcome.IndicativeBudget(null, person, Today, NeedLevel.Low));
        Assert.Null(AssessmentOutcome.IndicativeBudget(new AllocationToolVersion { CreatedByName = "Test" }, person, Today, NeedLevel.Low));
    }
}
