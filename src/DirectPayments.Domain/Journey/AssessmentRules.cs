using System.Globalization;

namespace DirectPayments.Domain.Journey;

/// <summary>
/// Recording the outcome of a needs assessment (the assessment itself stays in the council's case
/// system) and working out the indicative budget from the council's allocation tool (RULES.md section 9.2).
/// </summary>
public static class AssessmentRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const int ReferenceMaxLength = 100;

    public const int EligibleNeedsMaxLength = 4000;

    /// <summary>Whether the assessment outcome may be recorded or changed at this stage; null means it may.</summary>
    public static Refusal? CanRecord(Stage stage) => stage switch
    {
        Stage.Assessment or Stage.Planning => null,
        Stage.Enquiry => new Refusal("assessment-not-started",
            "Move the direct payment on to assessment before recording the assessment outcome"),
        Stage.Suitability or Stage.FundingDecision or Stage.Agreement or Stage.SetUp or Stage.Active or Stage.Suspended or Stage.Ended =>
            new Refusal("assessment-closed",
                $"The assessment outcome can only be changed at assessment or support planning. This direct payment is at {stage.Label().ToLowerInvariant()}"),
    };

    /// <summary>Checks the recorded outcome. The assessment cannot be in the future or before the enquiry.</summary>
    public static IReadOnlyList<FieldError> Validate(string? reference, DateOnly? assessedOn, string? eligibleNeeds, NeedLevel? level, LegalRoute? route,
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
        if (assessedOn is { } on)
        {
            if (on > today)
            {
                errors.Add(new FieldError("AssessedOn", "The date of the assessment must be today or in the past"));
            }
            else if (on < enquiryOn)
            {
                errors.Add(new FieldError("AssessedOn", $"The date of the assessment must be on or after the enquiry date, {enquiryOn.ToString("d MMMM yyyy", EnGb)}"));
            }
        }
        else
        {
            errors.Add(new FieldError("AssessedOn", "Enter the date of the assessment"));
        }
        if (string.IsNullOrWhiteSpace(eligibleNeeds))
        {
            errors.Add(new FieldError("EligibleNeeds", "Enter the eligible needs the assessment found"));
        }
        else if (eligibleNeeds.Trim().Length > EligibleNeedsMaxLength)
        {
            errors.Add(new FieldError("EligibleNeeds", "The eligible needs must be 4,000 characters or fewer"));
        }
        if (level is null)
        {
            errors.Add(new FieldError("NeedLevel", "Select the level of need the assessment found"));
        }
        if (route is null)
        {
            errors.Add(new FieldError("Route", "Select the law the direct payment will be made under"));
        }
        return errors;
    }

    /// <summary>The allocation tool version in force on a day: the newest whose effective date has come.</summary>
    public static AllocationToolVersion? InForce(IEnumerable<AllocationToolVersion> versions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();
    }

    /// <summary>
    /// The indicative weekly budget for a person of this age band and need level, or a refusal saying
    /// what the council must set first. A starting point only: the final budget comes from the costed plan.
    /// </summary>
    public static (Money? Weekly, Refusal? Refusal) Indicative(AllocationToolVersion? tool, AgeBand band, NeedLevel level)
    {
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
