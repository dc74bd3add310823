using System.Globalization;

namespace DirectPayments.Domain.Journey;

/// <summary>How many funding decisions overturned the practitioner's proposal, out of all decided.</summary>
public sealed record OverturnRate(int Decided, int Overturned)
{
    /// <summary>The share overturned, as a percentage to one decimal place; null when nothing was decided.</summary>
    public decimal? Percent => Decided == 0 ? null : Math.Round(100m * Overturned / Decided, 1, MidpointRounding.AwayFromZero);

    /// <summary>"25.0% (3 of 12 decisions)", or a sentence saying there were none.</summary>
    public override string ToString() => Percent is { } percent
        ? $"{percent.ToString("0.0", CultureInfo.InvariantCulture)}% ({Overturned.ToString(CultureInfo.InvariantCulture)} of {Decided.ToString(CultureInfo.InvariantCulture)} {(Decided == 1 ? "decision" : "decisions")})"
        : "No decisions yet";
}

/// <summary>
/// Measures of the funding decisions: the seeds say panels "regularly overturn" practitioners'
/// decisions on money (RULES.md section 9.2), so the platform counts how often.
/// </summary>
public static class FundingMeasures
{
    /// <summary>The overturn rate of a set of decisions (proposals not yet decided are left out): a different amount, or sent back for changes.</summary>
    public static OverturnRate OverturnRate(IEnumerable<FundingOutcome?> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var decided = outcomes.OfType<FundingOutcome>().ToList();
        return new OverturnRate(decided.Count, decided.Count(o => o is FundingOutcome.ApprovedDifferentAmount or FundingOutcome.ReturnedForChanges));
    }

    /// <summary>Whole days a proposal has waited for a decision, counting from the day it was proposed.</summary>
    public static int DaysWaiting(DateOnly proposedOn, DateOnly today) => Math.Max(0, today.DayNumber - proposedOn.DayNumber);

    public static string Label(this FundingOutcome outcome) => outcome switch
    {
        FundingOutcome.Approved => "Agreed the proposed budget",
        FundingOutcome.ApprovedDifferentAmount => "Agreed a different amount",
        FundingOutcome.ReturnedForChanges => "Sent back for changes to the plan",
    };
}

/// <summary>
/// When a person may ask for a refused suitability decision to be looked at again (RULES.md section
/// 2.5: a refusal explains how to challenge it). One second look per refusal; after that, the
/// council's complaints procedure.
/// </summary>
public static class ReconsiderationRules
{
    public const int MaximumRequestLength = 4000;

    /// <summary>Whether the person may ask now; null means they may.</summary>
    public static Refusal? CanAsk(SuitabilityDecision? latest)
    {
        if (latest is null || latest.Outcome != SuitabilityOutcome.Refused)
        {
            return new Refusal("no-refusal", "There is no refused decision to look at again");
        }
        if (latest.ReconsiderationRequestedAt is not null)
        {
            return new Refusal("already-asked", "You have already asked for this decision to be looked at again. The council will tell you its new decision");
        }
        if (latest.ReconsidersDecisionId is not null)
        {
            return new Refusal("already-looked-again", "This decision was made when an earlier one was looked at again. If you are still unhappy with it, you can complain to the council");
        }
        return null;
    }

    /// <summary>Checks what the person wrote about why the decision should change.</summary>
    public static IReadOnlyList<FieldError> ValidateRequest(string? why)
    {
        if (string.IsNullOrWhiteSpace(why))
        {
            return [new FieldError("Why", "Enter why you think the decision should change")];
        }
        return why.Length > MaximumRequestLength
            ? [new FieldError("Why", "Why you think the decision should change must be 4,000 characters or fewer")]
            : [];
    }

    public static string Label(this RefusalReason reason) => reason switch
    {
        RefusalReason.NoRequest => "A direct payment was not asked for",
        RefusalReason.LacksCapacityToRequest => "The person does not have capacity to ask for a direct payment themselves",
        RefusalReason.NomineeDoesNotAgree => "The nominated person does not agree to receive the payments",
        RefusalReason.ExcludedByCriminalJusticeRequirement => "The law does not allow it while a drug or alcohol requirement of a court applies",
        RefusalReason.NotCapableOfManaging => "The payments could not be managed, even with help",
        RefusalReason.NotAppropriate => "A direct payment is not an appropriate way to meet the needs",
        RefusalReason.NotInBestInterests => "The authorised person would not act in the person's best interests",
        RefusalReason.AuthorisationNotInPlace => "There is no suitable authorised person",
        RefusalReason.NoParentalResponsibility => "The person asking does not have parental responsibility",
        RefusalReason.Other => "Another reason",
    };

    public static string Label(this SuitabilityOutcome outcome) => outcome switch
    {
        SuitabilityOutcome.Suitable => "A direct payment is suitable",
        SuitabilityOutcome.Refused => "A direct payment was refused",
    };

    public static string Label(this AuthorisationBasis basis) => basis switch
    {
        AuthorisationBasis.MentalCapacityActAttorneyOrDeputy => "They are the adult's health and welfare attorney or deputy",
        AuthorisationBasis.AgreedByAttorneyOrDeputy => "The adult's attorney or deputy agrees they are suitable",
        AuthorisationBasis.ConsideredSuitableByCouncil => "Nobody has Mental Capacity Act authority, and the council considers them suitable",
    };
}

/// <summary>
/// The suitability form asks yes-or-no questions that <see cref="SuitabilityFacts"/> keeps as plain
/// true or false. An unanswered one must not count as "no" (which would, say, pass the exclusion test
/// unasked), so it shows as a condition not yet answered, and a direct payment cannot be agreed.
/// </summary>
public static class SuitabilityAnswers
{
    /// <summary>The yes-or-no questions, turned into facts: "yes" is true, anything else false.</summary>
    public static bool IsYes(this Answer answer) => answer == Answer.Yes;

    /// <summary>The answers as an <see cref="Answer"/>, for filling the form from recorded facts.</summary>
    public static Answer ToAnswer(this bool value) => value ? Answer.Yes : Answer.No;

    /// <summary>
    /// <see cref="SuitabilityRules.Evaluate"/>'s results, with a "not answered" condition for each
    /// yes-or-no question that applies to the route and has not been answered.
    /// </summary>
    public static IReadOnlyList<ConditionResult> Evaluate(SuitabilityFacts facts, DateOnly today, Answer hasNominee, Answer authorisedPersonIsFamilyOrFriend, Answer underCriminalJusticeRequirement, Answer paysCloseFamilyInHousehold)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var results = SuitabilityRules.Evaluate(facts, today).ToList();
        const string NotAnswered = "Not answered yet.";
        if (facts.Route is LegalRoute.AdultWithCapacity or LegalRoute.Carer && hasNominee == Answer.NotAnswered)
        {
            results.Insert(Math.Min(2, results.Count), new ConditionResult("nominee", "Whether the adult has nominated someone to receive the payments", null, NotAnswered));
        }
        if (facts.Route == LegalRoute.AdultLackingCapacity && authorisedPersonIsFamilyOrFriend == Answer.NotAnswered)
        {
            var at = results.FindIndex(r => r.Code == "dbs");
            var unanswered = new ConditionResult("family-or-friend", "Whether the authorised person is family or a friend involved in the adult's care", null,
                "Not answered yet. If they are not, the council needs an enhanced DBS check on them before paying.");
            if (at >= 0)
            {
                results[at] = unanswered;
            }
            else
            {
                results.Add(unanswered);
            }
        }
        if (underCriminalJusticeRequirement == Answer.NotAnswered)
        {
            var at = results.FindIndex(r => r.Code == "not-excluded");
            results[at] = results[at] with { Met = null, Explanation = NotAnswered };
        }
        if (paysCloseFamilyInHousehold == Answer.NotAnswered)
        {
            results.Add(new ConditionResult("family", "Whether the plan pays a close family member who lives in the same household", null, NotAnswered));
        }
        return results;
    }
}
