namespace DirectPayments.Domain.Journey;

/// <summary>A decision not to do something: a stable code for software and a sentence a person can act on.</summary>
public sealed record Refusal(string Code, string Message);

/// <summary>Who may move an arrangement: a practitioner or manager for most steps, the person themselves only to end it.</summary>
public enum Mover
{
    Person,
    Council,
}

/// <summary>
/// The facts a transition's guard reads. The Web layer gathers them from the arrangement's records;
/// the rules here only decide.
/// </summary>
public sealed record JourneyFacts
{
    public bool AssessmentOutcomeRecorded { get; init; }

    public bool IndicativeBudgetSet { get; init; }

    public bool PlanComplete { get; init; }

    public bool PlanAgreedByPerson { get; init; }

    public SuitabilityOutcome? Suitability { get; init; }

    public FundingOutcome? Funding { get; init; }

    public bool CurrentAgreementSignedByAll { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    public DateOnly? FirstPaymentDate { get; init; }

    public bool SignUpVisitComplete { get; init; }
}

/// <summary>A request to move an arrangement from one stage to another.</summary>
public sealed record MoveRequest(Stage To, Mover By, string? Reason);

/// <summary>
/// The arrangement state machine (DESIGN.md section 3.1): which moves are allowed, and what must be
/// true before each. Pure: the facts come in, a refusal or nothing comes out.
/// </summary>
public static class JourneyRules
{
    /// <summary>Moves back to an earlier step, which correct something found later; each needs a reason.</summary>
    private static readonly HashSet<(Stage From, Stage To)> BackMoves =
    [
        (Stage.Planning, Stage.Assessment),
        (Stage.Suitability, Stage.Planning),
        (Stage.FundingDecision, Stage.Planning),
        (Stage.Agreement, Stage.Planning),
    ];

    /// <summary>Every stage this one can move to, whatever the facts.</summary>
    public static IReadOnlyList<Stage> Targets(Stage from) =>
        [.. Enum.GetValues<Stage>().Where(to => IsEdge(from, to))];

    /// <summary>Whether the state machine has this edge at all (before any guard).</summary>
    public static bool IsEdge(Stage from, Stage to) => (from, to) switch
    {
        (Stage.Ended, _) => false,
        (_, Stage.Ended) => true,
        (Stage.Enquiry, Stage.Assessment) => true,
        (Stage.Assessment, Stage.Planning) => true,
        (Stage.Planning, Stage.Suitability) => true,
        (Stage.Suitability, Stage.FundingDecision) => true,
        (Stage.FundingDecision, Stage.Agreement) => true,
        (Stage.Agreement, Stage.SetUp) => true,
        (Stage.SetUp, Stage.Active) => true,
        (Stage.Active, Stage.Suspended) => true,
        (Stage.Suspended, Stage.Active) => true,
        _ => BackMoves.Contains((from, to)),
    };

    /// <summary>The next stage forward on the usual path, if there is one.</summary>
    public static Stage? NextForward(Stage from) => from switch
    {
        Stage.Enquiry => Stage.Assessment,
        Stage.Assessment => Stage.Planning,
        Stage.Planning => Stage.Suitability,
        Stage.Suitability => Stage.FundingDecision,
        Stage.FundingDecision => Stage.Agreement,
        Stage.Agreement => Stage.SetUp,
        Stage.SetUp => Stage.Active,
        Stage.Active or Stage.Suspended or Stage.Ended => null,
    };

    /// <summary>Decides whether the arrangement may move; null means it may.</summary>
    public static Refusal? Check(Stage from, MoveRequest request, JourneyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        var to = request.To;
        if (from == to)
        {
            return new Refusal("same-stage", $"The direct payment is already at {from.Label().ToLowerInvariant()}");
        }
        if (!IsEdge(from, to))
        {
            return new Refusal("not-allowed", from == Stage.Ended
                ? "This direct payment has ended, so it cannot move on. Start a new enquiry instead"
                : $"A direct payment cannot move from {from.Label().ToLowerInvariant()} to {to.Label().ToLowerInvariant()}");
        }
        if (request.By == Mover.Person && to != Stage.Ended)
        {
            return new Refusal("council-only", "Only the council can move a direct payment to the next step. You can end it at any time");
        }
        var needsReason = to is Stage.Ended or Stage.Suspended || BackMoves.Contains((from, to)) || (from, to) == (Stage.Suspended, Stage.Active);
        if (needsReason && string.IsNullOrWhiteSpace(request.Reason))
        {
            return new Refusal("reason-required", to switch
            {
                Stage.Ended => "Enter why the direct payment is ending",
                Stage.Suspended => "Enter why the direct payment is being paused",
                Stage.Active => "Enter why the direct payment can start again",
                _ => "Enter why the direct payment is going back a step",
            });
        }
        if (request.Reason is { Length: > 2000 })
        {
            return new Refusal("reason-too-long", "The reason must be 2,000 characters or fewer");
        }
        return (from, to) switch
        {
            (Stage.Assessment, Stage.Planning) when !facts.AssessmentOutcomeRecorded =>
                new Refusal("assessment-outcome-missing", "Record the assessment outcome and the eligible needs before support planning starts"),
            (Stage.Assessment, Stage.Planning) when !facts.IndicativeBudgetSet =>
                new Refusal("indicative-budget-missing", "Work out the indicative budget before support planning starts, so the person knows roughly how much money there is"),
            (Stage.Planning, Stage.Suitability) when !facts.PlanComplete =>
                new Refusal("plan-incomplete", "Finish the support plan first: it needs at least one outcome, how each need is met, weekly costs and a contingency plan"),
            (Stage.Planning, Stage.Suitability) when !facts.PlanAgreedByPerson =>
                new Refusal("plan-not-agreed", "The person (or their representative) must agree the support plan before the suitability decision"),
            (Stage.Suitability, Stage.FundingDecision) when facts.Suitability is null =>
                new Refusal("suitability-missing", "Record the suitability decision first"),
            (Stage.Suitability, Stage.FundingDecision) when facts.Suitability == SuitabilityOutcome.Refused =>
                new Refusal("suitability-refused", "A direct payment was refused as not suitable. It cannot go to a funding decision unless the decision is looked at again and changed"),
            (Stage.FundingDecision, Stage.Agreement) when facts.Funding is null =>
                new Refusal("funding-missing", "A manager must record the funding decision first"),
            (Stage.FundingDecision, Stage.Agreement) when facts.Funding == FundingOutcome.ReturnedForChanges =>
                new Refusal("funding-returned", "The funding decision sent the plan back for changes. Move the direct payment back to support planning"),
            (Stage.Agreement, Stage.SetUp) when !facts.CurrentAgreementSignedByAll =>
                new Refusal("agreement-unsigned", "The latest version of the agreement must be signed by the person (or their representative) and by the council"),
            (Stage.SetUp, Stage.Active) when facts.PaymentMethod is null =>
                new Refusal("payment-method-missing", "Record how the person will receive the money"),
            (Stage.SetUp, Stage.Active) when facts.FirstPaymentDate is null =>
                new Refusal("first-payment-missing", "Record the date of the first payment"),
            (Stage.SetUp, Stage.Active) when !facts.SignUpVisitComplete =>
                new Refusal("sign-up-visit-incomplete", "Complete the sign-up visit checklist first"),
            _ => null,
        };
    }
}
