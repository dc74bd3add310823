using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

public enum SuitabilityOutcome
{
    Suitable,
    Refused,
}

/// <summary>How the person who will manage the money for an adult lacking capacity is authorised (Care Act s.32(4)).</summary>
public enum AuthorisationBasis
{
    /// <summary>A health and welfare attorney or deputy under the Mental Capacity Act 2005.</summary>
    MentalCapacityActAttorneyOrDeputy,

    /// <summary>Someone else, whom the attorney or deputy agrees is suitable.</summary>
    AgreedByAttorneyOrDeputy,

    /// <summary>Nobody holds Mental Capacity Act authority, and the council considers this person suitable.</summary>
    ConsideredSuitableByCouncil,
}

/// <summary>Why a suitability decision is a refusal, so refusals can be counted and explained.</summary>
public enum RefusalReason
{
    NoRequest,
    LacksCapacityToRequest,
    NomineeDoesNotAgree,
    ExcludedByCriminalJusticeRequirement,
    NotCapableOfManaging,
    NotAppropriate,
    NotInBestInterests,
    AuthorisationNotInPlace,
    NoParentalResponsibility,
    Other,
}

/// <summary>A yes, a no, or not yet answered.</summary>
public enum Answer
{
    NotAnswered,
    Yes,
    No,
}

/// <summary>The facts a practitioner records for the suitability decision. Questions that do not apply to the route are ignored.</summary>
public sealed record SuitabilityFacts
{
    public LegalRoute Route { get; init; }

    /// <summary>The person (or their authorised person, or parent) has asked for a direct payment: nobody is made to take one (SG 12.5).</summary>
    public Answer Requested { get; init; }

    /// <summary>Section 31: the adult has capacity to make the request.</summary>
    public Answer HasCapacityToRequest { get; init; }

    /// <summary>Section 31: the money goes to a person the adult nominated.</summary>
    public bool HasNominee { get; init; }

    public Answer NomineeAgrees { get; init; }

    /// <summary>Section 32: how the authorised person is authorised.</summary>
    public AuthorisationBasis? Authorisation { get; init; }

    /// <summary>Section 32 condition 1: where someone else holds Mental Capacity Act authority, they support the request.</summary>
    public Answer AttorneySupportsRequest { get; init; }

    /// <summary>Section 32 condition 3: the authorised person will act in the adult's best interests.</summary>
    public Answer ActsInBestInterests { get; init; }

    /// <summary>Section 32: the authorised person is the adult's spouse or partner, a close relative, or a friend involved in their care; otherwise an enhanced DBS check is needed.</summary>
    public bool AuthorisedPersonIsFamilyOrFriend { get; init; }

    public DateOnly? AuthorisedPersonDbsCheckedOn { get; init; }

    /// <summary>Children: the recipient has parental responsibility for the disabled child, or is the disabled child aged 16 or 17.</summary>
    public Answer HasParentalResponsibilityOrIs16Or17 { get; init; }

    /// <summary>The recipient is subject to a drug or alcohol requirement of a criminal court (SI 2014/2871 Schedule) that ends on this date, if any.</summary>
    public bool UnderCriminalJusticeRequirement { get; init; }

    public DateOnly? CriminalJusticeRequirementEndsOn { get; init; }

    /// <summary>Capable of managing direct payments, alone or with whatever help is available (s.31 condition 3, s.32 condition 4).</summary>
    public Answer CapableWithHelp { get; init; }

    /// <summary>The help the person will have to manage, such as a support service or managed account.</summary>
    public string? HelpAvailable { get; init; }

    /// <summary>A direct payment is an appropriate way to meet the needs (s.31 condition 4, s.32 condition 5; for children, it promotes the child's welfare).</summary>
    public Answer Appropriate { get; init; }

    /// <summary>The plan pays a close family member who lives in the same household (SI 2014/2871 reg 3).</summary>
    public bool PaysCloseFamilyInHousehold { get; init; }

    /// <summary>Why the council considers it necessary to pay that family member, which is its agreement.</summary>
    public string? FamilyPaymentNecessaryBecause { get; init; }
}

/// <summary>One legal condition, whether it is met, and why, in plain English.</summary>
public sealed record ConditionResult(string Code, string Condition, bool? Met, string Explanation);

/// <summary>
/// The suitability test for a direct payment (RULES.md sections 2, 3.2, 7 and 8.1). It reads the
/// recorded facts and explains each condition. The practitioner makes the decision; a refusal must
/// carry written reasons.
/// </summary>
public static class SuitabilityRules
{
    public static IReadOnlyList<ConditionResult> Evaluate(SuitabilityFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var results = new List<ConditionResult>
        {
            Yes("requested", "The direct payment has been asked for", facts.Requested,
                "A direct payment was asked for.",
                "Nobody can be made to take a direct payment: it must be asked for (statutory guidance 12.5)."),
        };
        switch (facts.Route)
        {
            case LegalRoute.AdultWithCapacity:
            case LegalRoute.Carer:
                results.Add(Yes("capacity", "The adult has capacity to ask for a direct payment", facts.HasCapacityToRequest,
                    "The adult has capacity to make the request (Care Act section 31, condition 1).",
                    "The adult does not have capacity to make the request, so section 31 does not apply. If they lack capacity, use the authorised person route (section 32)."));
                if (facts.HasNominee)
                {
                    results.Add(Yes("nominee-agrees", "The nominated person agrees to receive the payments", facts.NomineeAgrees,
                        "The nominated person agrees to receive and manage the payments.",
                        "The nominated person has not agreed to receive the payments, so they cannot be paid to them."));
                }
                break;
            case LegalRoute.AdultLackingCapacity:
                results.Add(facts.Authorisation is null
                    ? new ConditionResult("authorised", "There is an authorised person", null, "Record how the authorised person is authorised (Care Act section 32(4)).")
                    : new ConditionResult("authorised", "There is an authorised person", true, facts.Authorisation switch
                    {
                        AuthorisationBasis.MentalCapacityActAttorneyOrDeputy => "The authorised person is the adult's attorney or deputy for care decisions.",
                        AuthorisationBasis.AgreedByAttorneyOrDeputy => "The adult's attorney or deputy agrees this person is suitable.",
                        AuthorisationBasis.ConsideredSuitableByCouncil => "Nobody holds Mental Capacity Act authority, and the council considers this person suitable.",
                    }));
                if (facts.Authorisation == AuthorisationBasis.AgreedByAttorneyOrDeputy)
                {
                    results.Add(Yes("attorney-supports", "The attorney or deputy supports the request", facts.AttorneySupportsRequest,
                        "The person with Mental Capacity Act authority supports the request (section 32, condition 1).",
                        "The person with Mental Capacity Act authority does not support the request, so it cannot go ahead (section 32, condition 1)."));
                }
                results.Add(Yes("best-interests", "The authorised person will act in the adult's best interests", facts.ActsInBestInterests,
                    "The council is satisfied the authorised person will act in the adult's best interests (section 32, condition 3).",
                    "The council is not satisfied the authorised person will act in the adult's best interests (section 32, condition 3)."));
                if (!facts.AuthorisedPersonIsFamilyOrFriend)
                {
                    results.Add(facts.AuthorisedPersonDbsCheckedOn is { } checkedOn && checkedOn <= today
                        ? new ConditionResult("dbs", "Enhanced DBS check on the authorised person", true, $"The authorised person is not family or a friend involved in care, and had an enhanced DBS check on {checkedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.")
                        : new ConditionResult("dbs", "Enhanced DBS check on the authorised person", null, "The authorised person is not family or a friend involved in the adult's care, so the council needs an enhanced DBS check on them before paying (SI 2014/2871)."));
                }
                break;
            case LegalRoute.Child:
                results.Add(Yes("parental-responsibility", "The recipient has parental responsibility, or is the disabled young person aged 16 or 17", facts.HasParentalResponsibilityOrIs16Or17,
                    "The recipient can receive a children's direct payment (Children Act 1989 section 17A(2)).",
                    "Only someone with parental responsibility for the disabled child, or a disabled young person aged 16 or 17, can receive a children's direct payment."));
                break;
        }
        results.Add(ExclusionResult(facts, today));
        results.Add(Yes("capable", "Capable of managing the payments, with whatever help is available", facts.CapableWithHelp,
            string.IsNullOrWhiteSpace(facts.HelpAvailable)
                ? "The person who will manage the money can do so."
                : $"The person who will manage the money can do so with help: {facts.HelpAvailable.Trim()}",
            "The council is not satisfied the money can be managed, even with the help available. Consider a managed account or support service before refusing."));
        results.Add(Yes("appropriate", facts.Route == LegalRoute.Child ? "A direct payment promotes the child's welfare" : "A direct payment is an appropriate way to meet the needs", facts.Appropriate,
            facts.Route == LegalRoute.Child ? "A direct payment is a good way to meet the child's needs and promote their welfare." : "A direct payment is an appropriate way to meet the needs in the plan.",
            "The council considers a direct payment is not an appropriate way to meet these needs."));
        if (facts.PaysCloseFamilyInHousehold)
        {
            results.Add(string.IsNullOrWhiteSpace(facts.FamilyPaymentNecessaryBecause)
                ? new ConditionResult("family", "The council agrees it is necessary to pay a close family member in the same household", null,
                    "The plan pays a close family member who lives in the same household. The council must agree this is necessary and record why (SI 2014/2871 regulation 3).")
                : new ConditionResult("family", "The council agrees it is necessary to pay a close family member in the same household", true,
                    $"The council agrees it is necessary because: {facts.FamilyPaymentNecessaryBecause.Trim()}"));
        }
        return results;
    }

    /// <summary>Suitable only when every condition is met; refused when any is not; null while any is unanswered.</summary>
    public static SuitabilityOutcome? Outcome(IReadOnlyList<ConditionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Any(r => r.Met == false) ? SuitabilityOutcome.Refused
            : results.Any(r => r.Met is null) ? null
            : SuitabilityOutcome.Suitable;
    }

    /// <summary>
    /// Checks a practitioner's decision against the facts: a direct payment cannot be agreed while a
    /// condition is not met, and a refusal needs a reason code and written reasons the person can read.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateDecision(IReadOnlyList<ConditionResult> results, SuitabilityOutcome? decision, RefusalReason? reason, string? reasons)
    {
        ArgumentNullException.ThrowIfNull(results);
        var errors = new List<FieldError>();
        var computed = Outcome(results);
        if (decision is null)
        {
            errors.Add(new FieldError("Decision", "Select whether a direct payment is suitable"));
            return errors;
        }
        if (decision == SuitabilityOutcome.Suitable && computed != SuitabilityOutcome.Suitable)
        {
            var first = results.First(r => r.Met != true);
            errors.Add(new FieldError("Decision", $"A direct payment cannot be agreed yet: {first.Condition.ToLowerInvariant()} is {(first.Met is null ? "not answered" : "not met")}"));
        }
        if (decision == SuitabilityOutcome.Refused && computed == SuitabilityOutcome.Suitable)
        {
            // Where every condition is met the council must make the payments (Care Act s.31 and s.32; RULES.md section 2.2).
            errors.Add(new FieldError("Decision", "Every condition is met, so the law says the council must make the direct payment. If you think a condition is not met, change that answer first"));
        }
        if (decision == SuitabilityOutcome.Refused)
        {
            if (reason is null)
            {
                errors.Add(new FieldError("RefusalReason", "Select the main reason for refusing"));
            }
            if (string.IsNullOrWhiteSpace(reasons))
            {
                errors.Add(new FieldError("Reasons", "Enter the reasons for refusing, in words the person can understand"));
            }
            else if (reasons.Trim().Length < 20)
            {
                errors.Add(new FieldError("Reasons", "Explain the reasons in at least one full sentence: the person will read this"));
            }
        }
        if (reasons is { Length: > 4000 })
        {
            errors.Add(new FieldError("Reasons", "Reasons must be 4,000 characters or fewer"));
        }
        return errors;
    }

    private static ConditionResult ExclusionResult(SuitabilityFacts facts, DateOnly today)
    {
        const string Condition = "Not excluded by a drug or alcohol requirement of a criminal court";
        if (!facts.UnderCriminalJusticeRequirement)
        {
            return new ConditionResult("not-excluded", Condition, true, "The recipient is not subject to a drug or alcohol requirement of a criminal court.");
        }
        if (facts.CriminalJusticeRequirementEndsOn is { } ends && ends < today)
        {
            return new ConditionResult("not-excluded", Condition, true, "The drug or alcohol requirement has ended, so it no longer rules out a direct payment.");
        }
        return new ConditionResult("not-excluded", Condition, false,
            "The recipient is subject to a drug or alcohol requirement of a criminal court, so the law does not allow a direct payment until it ends (SI 2014/2871 Schedule). The council must meet the needs another way in the meantime.");
    }

    private static ConditionResult Yes(string code, string condition, Answer answer, string met, string notMet) => answer switch
    {
        Answer.Yes => new ConditionResult(code, condition, true, met),
        Answer.No => new ConditionResult(code, condition, false, notMet),
        Answer.NotAnswered => new ConditionResult(code, condition, null, "Not answered yet."),
    };
}

/// <summary>
/// A recorded suitability decision, with the facts it was made on. A refusal keeps its written
/// reasons, which the person reads, and may be looked at again when the person asks.
/// </summary>
public sealed class SuitabilityDecision : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    /// <summary>The facts as recorded, in JSON, so the decision can always be explained as it was made.</summary>
    public required string FactsJson { get; set; }

    public SuitabilityOutcome Outcome { get; set; }

    public RefusalReason? RefusalReason { get; set; }

    public string? Reasons { get; set; }

    public DateOnly DecidedOn { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>When the person asked for a refusal to be looked at again, and why.</summary>
    public DateTime? ReconsiderationRequestedAt { get; set; }

    public string? ReconsiderationRequest { get; set; }

    /// <summary>The decision this one replaces after a second look.</summary>
    public Guid? ReconsidersDecisionId { get; set; }
}
