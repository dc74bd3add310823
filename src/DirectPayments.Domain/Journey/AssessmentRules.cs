using System.Globalization;

namespace DirectPayments.Domain.Journey;

/// <summary>
/// Recording the outcome of the council's needs assessment against an arrangement (the assessment itself
/// stays in the council's case system, issue #3 item 3) and working out the indicative budget from the
/// council's allocation tool (RULES.md section 9.2). The page and the API both use these rules, so they
/// accept and refuse the same things with the same words.
/// </summary>
public static class AssessmentRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const int ReferenceMaxLength = 100;

    public const int EligibleNeedsMaxLength = 4000;

    /// <summary>Whether the assessment outcome may be recorded or changed at this stage: during the assessment, or later in support planning to correct it; null means it may.</summary>
    public static Refusal? CanRecord(Stage stage) => stage switch
    {
        Stage.Assessment or Stage.Planning => null,
        Stage.Enquiry => new Refusal("assessment-not-started",
            "Move the direct payment on to assessment before recording the assessment outcome"),
        Stage.Suitability or Stage.FundingDecision or Stage.Agreement or Stage.SetUp or Stage.Active or Stage.Suspended or Stage.Ended =>
            new Refusal("assessment-closed",
                $"The assessment outcome can only be recorded or changed at assessment or support planning. This direct payment is at {stage.Label().ToLowerInvariant()}"),
    };

    /// <summary>
    /// Checks an assessment outcome: a reference from the case system, a real date that is not in the
    /// future nor before the enquiry, the eligible needs in words, and a level of need. Field names are
    /// those of the form (AssessmentReference, AssessedOn, EligibleNeeds, NeedLevel), in form order.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(string? reference, DateOnly? assessedOn, string? eligibleNeeds, NeedLevel? needLevel,
        DateOnly enquiryOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(new FieldError("AssessmentReference", "Enter the assessment reference from the council's case system"));
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
                $"The date of the assessment must be on or after the date of the enquiry, {enquiryOn.ToString("d MMMM yyyy", EnGb)}"));
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
            errors.Add(new FieldError("NeedLevel", "Select the level of need the assessment found"));
        }
        return errors;
    }

    /// <summary>The page also asks for the legal route; null means one was chosen.</summary>
    public static FieldError? CheckRoute(LegalRoute? route) =>
        route is null ? new FieldError("Route", "Select the law the direct payment will be made under") : null;

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

    /// <summary>The allocation tool version in force on a day: the newest whose effective date has come.</summary>
    public static AllocationToolVersion? InForce(IEnumerable<AllocationToolVersion> versions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();
    }

    /// <summary>
    /// The indicative weekly budget for the person's age band ON THE ASSESSMENT DATE and their need level,
    /// or a refusal saying what the council must set first. A starting point only: the final budget comes
    /// from the costed plan (RULES.md section 9.2).
    /// </summary>
    public static (Money? Weekly, Refusal? Refusal) Indicative(AllocationToolVersion? tool, Person person, DateOnly assessedOn, NeedLevel level)
    {
        ArgumentNullException.ThrowIfNull(person);
        var band = person.AgeBandOn(assessedOn);
        if (tool is null)
        {
            return (null, new Refusal("no-allocation-tool",
                "The council has not set up its allocation tool yet. Ask your manager to set one up at /admin/allocation-tool"));
        }
        if (tool.Indicative(band, level) is not { } weekly)
        {
            return (null, new Refusal("no-allocation-rate",
                $"The council has not set an allocation tool rate for {Describe(band)} with {Describe(level)} needs. Ask your manager to set one at /admin/allocation-tool"));
        }
        return (weekly, null);
    }

    private static string Describe(AgeBand band) => band switch
    {
        AgeBand.Child => "children under 18",
        AgeBand.Adult18To64 => "adults aged 18 to 64",
        AgeBand.Adult65AndOver => "adults aged 65 and over",
    };

    private static string Describe(NeedLevel level) => level switch
    {
        NeedLevel.Low => "low",
        NeedLevel.Moderate => "moderate",
        NeedLevel.High => "high",
        NeedLevel.VeryHigh => "very high",
    };
}
