using System.Globalization;

namespace DirectPayments.Domain.Journey;

/// <summary>
/// The outcome of the council's needs assessment, recorded against an arrangement. The assessment itself
/// stays in the council's case system (issue #3, item 3); this checks what is recorded here, for the
/// page and the API alike.
/// </summary>
public static class AssessmentOutcome
{
    public const int ReferenceMaxLength = 100;

    public const int EligibleNeedsMaxLength = 4000;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether an assessment outcome may be recorded at this stage: during the assessment, or later in support planning to correct it.</summary>
    public static Refusal? CanRecordAt(Stage stage) => stage switch
    {
        Stage.Assessment or Stage.Planning => null,
        Stage.Enquiry => new Refusal("assessment-not-started",
            "Move the direct payment to the assessment step before recording the assessment outcome"),
        Stage.Suitability or Stage.FundingDecision or Stage.Agreement or Stage.SetUp or Stage.Active or Stage.Suspended or Stage.Ended =>
            new Refusal("assessment-closed",
                $"The assessment outcome can only be recorded at the assessment or support planning step. This direct payment is at {stage.Label().ToLowerInvariant()}"),
    };

    /// <summary>
    /// Checks an assessment outcome: a reference from the case system, a real date that is not in the
    /// future nor before the enquiry, the eligible needs in words, and a level of need. Field names are
    /// those of the form (AssessmentReference, AssessedOn, EligibleNeeds, NeedLevel).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(string? reference, DateOnly? assessedOn, DateOnly enquiryOn, DateOnly today,
        string? eligibleNeeds, NeedLevel? needLevel)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(new FieldError("AssessmentReference", "Enter the assessment reference from the case system"));
        }
        else if (reference.Trim().Length > ReferenceMaxLength)
        {
            errors.Add(new FieldError("AssessmentReference", "The assessment reference must be 100 characters or fewer"));
        }
        if (assessedOn is not { } date)
        {
            errors.Add(new FieldError("AssessedOn", "Enter the date of the assessment"));
        }
        else if (date > today)
        {
            errors.Add(new FieldError("AssessedOn", "The date of the assessment must be today or in the past"));
        }
        else if (date < enquiryOn)
        {
            errors.Add(new FieldError("AssessedOn",
                $"The date of the assessment must be on or after the date of the enquiry, {enquiryOn.ToString("d MMMM yyyy", English)}"));
        }
        if (string.IsNullOrWhiteSpace(eligibleNeeds))
        {
            errors.Add(new FieldError("EligibleNeeds", "Enter the eligible needs the assessment found"));
        }
        else if (eligibleNeeds.Trim().Length > EligibleNeedsMaxLength)
        {
            errors.Add(new FieldError("EligibleNeeds", "The eligible needs must be 4,000 characters or fewer"));
        }
        if (needLevel is null)
        {
            errors.Add(new FieldError("NeedLevel", "Select the level of need"));
        }
        return errors;
    }

    /// <summary>Records a checked outcome on the arrangement. Call <see cref="Validate"/> first.</summary>
    public static void Apply(Arrangement arrangement, string reference, DateOnly assessedOn, string eligibleNeeds, NeedLevel needLevel)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(eligibleNeeds);
        arrangement.AssessmentReference = reference.Trim();
        arrangement.AssessedOn = assessedOn;
        arrangement.EligibleNeeds = eligibleNeeds.Trim();
        arrangement.NeedLevel = needLevel;
    }

    /// <summary>
    /// The indicative weekly budget from the allocation tool version in force, for the person's age band on
    /// the assessment date and their need level; null when the council has no rate for them (RULES.md section 9.2).
    /// </summary>
    public static Money? IndicativeBudget(AllocationToolVersion? tool, Person person, DateOnly assessedOn, NeedLevel needLevel)
    {
        ArgumentNullException.ThrowIfNull(person);
        return tool?.Indicative(person.AgeBandOn(assessedOn), needLevel);
    }
}
