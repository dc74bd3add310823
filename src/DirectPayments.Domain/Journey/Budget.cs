using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

/// <summary>
/// One version of a council's resource allocation tool: an indicative weekly budget for each age band
/// and need level (RULES.md section 9.2). It is a starting point only; the final budget comes from the
/// costed plan and must be enough to meet the needs.
/// </summary>
public sealed class AllocationToolVersion : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public int Version { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    public string? Notes { get; set; }

    public List<AllocationRate> Rates { get; set; } = [];

    /// <summary>The indicative weekly amount, or null if this version has no rate for the band and level.</summary>
    public Money? Indicative(AgeBand band, NeedLevel level) =>
        Rates.FirstOrDefault(r => r.AgeBand == band && r.NeedLevel == level) is { } rate ? new Money(rate.WeeklyPence) : null;
}

public sealed class AllocationRate
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public AgeBand AgeBand { get; set; }

    public NeedLevel NeedLevel { get; set; }

    public long WeeklyPence { get; set; }
}

public enum FundingOutcome
{
    /// <summary>The amount the practitioner proposed.</summary>
    Approved,

    /// <summary>A different amount from the one proposed: an overturn, with reasons.</summary>
    ApprovedDifferentAmount,

    /// <summary>Not decided: the plan goes back for changes, with reasons.</summary>
    ReturnedForChanges,
}

/// <summary>Whether the council pays the full budget and collects the contribution, or pays the budget less the contribution (RULES.md section 4.1).</summary>
public enum PaymentBasis
{
    Net,
    Gross,
}

/// <summary>How often payments are made; four-weekly in advance unless the council agrees otherwise.</summary>
public enum PaymentFrequency
{
    FourWeekly,
    Weekly,
    Monthly,
}

/// <summary>
/// The practitioner's proposed personal budget and the manager's (or panel's) decision on it. When the
/// decision differs from the proposal, the reasons are kept and shown to the practitioner and the
/// person; the overturn rate is counted from these rows.
/// </summary>
public sealed class FundingDecision : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid PlanId { get; set; }

    public long ProposedWeeklyPence { get; set; }

    public long? IndicativeWeeklyPence { get; set; }

    /// <summary>Why the proposed amount is enough to meet the needs, particularly where it differs from the indicative budget.</summary>
    public string? SufficiencyReasons { get; set; }

    public long ContributionWeeklyPence { get; set; }

    public PaymentBasis Basis { get; set; }

    public PaymentFrequency Frequency { get; set; }

    /// <summary>A one-off payment to set things up, such as recruitment costs, in pence.</summary>
    public long OneOffPence { get; set; }

    public Guid? ProposedByUserId { get; set; }

    public required string ProposedByName { get; set; }

    public DateTime ProposedAt { get; set; }

    public FundingOutcome? Outcome { get; set; }

    public long? DecidedWeeklyPence { get; set; }

    public string? DecisionReasons { get; set; }

    public bool ByPanel { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Whether the decision overturned the practitioner's proposal: a different amount, or sent back.</summary>
    public bool IsOverturn => Outcome is FundingOutcome.ApprovedDifferentAmount or FundingOutcome.ReturnedForChanges;
}

public static class FundingRules
{
    /// <summary>The personal budget's three figures (Care Act s.26): cost of meeting needs, the person's contribution, the council's amount.</summary>
    public static (Money Cost, Money Contribution, Money CouncilAmount) Figures(Money weeklyCost, Money weeklyContribution)
    {
        var contribution = weeklyContribution > weeklyCost ? weeklyCost : weeklyContribution;
        return (weeklyCost, contribution, weeklyCost - contribution);
    }

    /// <summary>Checks a proposal: a positive weekly amount the council pays part of (RULES.md section 2.1), and reasons where it differs from the indicative budget.</summary>
    public static IReadOnlyList<FieldError> ValidateProposal(Money? weekly, Money? contribution, Money? indicative, string? sufficiencyReasons)
    {
        var errors = new List<FieldError>();
        if (weekly is not { } w)
        {
            errors.Add(new FieldError("ProposedWeekly", "Enter the weekly budget in pounds and pence, like 350.00"));
        }
        else if (w.Pence <= 0)
        {
            errors.Add(new FieldError("ProposedWeekly", "The weekly budget must be more than £0.00"));
        }
        if (contribution is not { } c)
        {
            errors.Add(new FieldError("Contribution", "Enter the person's weekly contribution in pounds and pence, or 0 if they pay nothing"));
        }
        else if (c.IsNegative)
        {
            errors.Add(new FieldError("Contribution", "The contribution cannot be less than £0.00"));
        }
        else if (weekly is { Pence: > 0 } w2 && c >= w2)
        {
            errors.Add(new FieldError("Contribution", "The contribution must be less than the weekly budget: a direct payment needs the council to pay part of the cost (Care Act section 31)"));
        }
        if (weekly is { Pence: > 0 } w3 && indicative is { } i && w3 != i && string.IsNullOrWhiteSpace(sufficiencyReasons))
        {
            errors.Add(new FieldError("SufficiencyReasons", $"Explain why the budget differs from the indicative amount of {i}, and why it is enough to meet the needs"));
        }
        return errors;
    }

    /// <summary>Checks a manager's decision: a different amount, or sending it back, needs reasons the practitioner and the person will read.</summary>
    public static IReadOnlyList<FieldError> ValidateDecision(FundingDecision proposal, FundingOutcome? outcome, Money? decidedWeekly, string? reasons)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = new List<FieldError>();
        if (outcome is null)
        {
            errors.Add(new FieldError("Outcome", "Select a decision"));
            return errors;
        }
        if (outcome == FundingOutcome.ApprovedDifferentAmount)
        {
            if (decidedWeekly is not { } d)
            {
                errors.Add(new FieldError("DecidedWeekly", "Enter the weekly budget you are agreeing, in pounds and pence"));
            }
            else if (d.Pence <= proposal.ContributionWeeklyPence)
            {
                errors.Add(new FieldError("DecidedWeekly", $"The weekly budget must be more than the person's contribution of {new Money(proposal.ContributionWeeklyPence)}"));
            }
            else if (d.Pence == proposal.ProposedWeeklyPence)
            {
                errors.Add(new FieldError("DecidedWeekly", "This is the amount proposed. Choose \"Agree the proposed budget\" instead"));
            }
        }
        if (outcome is FundingOutcome.ApprovedDifferentAmount or FundingOutcome.ReturnedForChanges)
        {
            if (string.IsNullOrWhiteSpace(reasons) || reasons.Trim().Length < 20)
            {
                errors.Add(new FieldError("Reasons", "Explain the decision in at least one full sentence: the practitioner and the person will read it"));
            }
        }
        if (reasons is { Length: > 4000 })
        {
            errors.Add(new FieldError("Reasons", "Reasons must be 4,000 characters or fewer"));
        }
        return errors;
    }
}
