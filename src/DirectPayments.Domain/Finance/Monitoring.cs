using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance;

/// <summary>
/// A council's monitoring thresholds, versioned: a change is a new row from a date, with who made it
/// and why, so every flag can be explained by the thresholds in force when it was raised.
/// </summary>
public sealed class MonitoringSettings : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public int Version { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>A balance above this many weeks of planned spend opens a conversation (Cornwall; RULES.md section 4.3).</summary>
    public int ContingencyWeeks { get; set; } = 8;

    /// <summary>Days after the first payment with no spending before "not started yet" is raised.</summary>
    public int NoSpendingDays { get; set; } = 42;

    /// <summary>Contribution periods unpaid before "contributions not paid" is raised.</summary>
    public int ContributionPeriodsMissed { get; set; } = 2;

    /// <summary>Spending outside the plan's categories in the last 12 weeks above this opens a conversation.</summary>
    public long OutsidePlanPence { get; set; } = 10_000;

    /// <summary>Two payments to one payee of the same amount, at least this much, on different days within <see cref="DuplicateWithinDays"/>.</summary>
    public long DuplicateMinimumPence { get; set; } = 5_000;

    public int DuplicateWithinDays { get; set; } = 7;

    /// <summary>Monthly audit sample as a share of accounts, in tenths of a per cent (20 = 2%).</summary>
    public int AuditSamplePerMille { get; set; } = 20;

    // Oversight scoring weights (docs/money.md, "Oversight level"): each component's points.

    /// <summary>Points every account starts with, so every account can be sampled.</summary>
    public int OversightBasePoints { get; set; } = 10;

    /// <summary>Points for an arrangement in its first six months.</summary>
    public int NewArrangementPoints { get; set; } = 20;

    /// <summary>Points for each past conversation that found no action was needed (usually negative).</summary>
    public int NoActionFlagPoints { get; set; } = -5;

    /// <summary>Points for each past conversation that ended in an agreed reclaim, a repayment plan or a safeguarding referral.</summary>
    public int ConcernFlagPoints { get; set; } = 15;

    /// <summary>Points when the person employs personal assistants.</summary>
    public int EmploysPersonalAssistantPoints { get; set; } = 10;

    /// <summary>Points when the money is in the person's own bank account (a card or managed account scores none).</summary>
    public int OwnBankAccountPoints { get; set; } = 15;

    /// <summary>Weekly budgets from this amount are in the medium band.</summary>
    public long MediumBudgetWeeklyPence { get; set; } = 40_000;

    public int MediumBudgetPoints { get; set; } = 5;

    /// <summary>Weekly budgets from this amount are in the large band.</summary>
    public long LargeBudgetWeeklyPence { get; set; } = 100_000;

    public int LargeBudgetPoints { get; set; } = 15;

    /// <summary>Scores from this are Standard oversight.</summary>
    public int StandardFromScore { get; set; } = 25;

    /// <summary>Scores from this are Enhanced oversight.</summary>
    public int EnhancedFromScore { get; set; } = 45;

    public required string ChangedByName { get; set; }

    public required string Reason { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>What monitoring noticed (issue #4, item 5). Each opens a supportive conversation, never a reclaim.</summary>
public enum FlagKind
{
    BalanceAboveContingency,
    ProjectedToRunOut,
    NoSpendingSinceSetUp,
    ContributionsNotPaid,
    SpendingOutsidePlan,
    PossibleDuplicatePayment,
}

public enum FlagStatus
{
    Open,
    Resolved,
}

/// <summary>How a supportive conversation ended (issue #4, item 6).</summary>
public enum ConversationOutcome
{
    NoActionNeeded,
    PlanChanged,
    SupportOffered,
    AgreedReclaim,
    RepaymentPlan,
    SafeguardingReferral,
}

/// <summary>
/// One thing monitoring noticed about one account, with the facts in plain English and the
/// conversation it opened. At most one flag of a kind is open for an account at a time.
/// </summary>
public sealed class MoneyFlag : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid AccountId { get; set; }

    public Guid ArrangementId { get; set; }

    public FlagKind Kind { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>The facts that raised it, such as "Balance £4,210.00 is 11.2 weeks of planned spend".</summary>
    public required string Facts { get; set; }

    /// <summary>A suggested, warm way to open the conversation, which never threatens the payment.</summary>
    public string Opening { get; set; } = "";

    /// <summary>The monitoring settings version in force.</summary>
    public int SettingsVersion { get; set; }

    public FlagStatus Status { get; set; }

    /// <summary>The supportive conversation task this flag opened.</summary>
    public Guid? TaskId { get; set; }

    public ConversationOutcome? Outcome { get; set; }

    public string? OutcomeNotes { get; set; }

    public Guid? ResolvedByUserId { get; set; }

    public string? ResolvedByName { get; set; }

    public DateTime? ResolvedAt { get; set; }
}

/// <summary>Why a reclaim may be made: never automatically (RULES.md section 6).</summary>
public enum ReclaimBasis
{
    /// <summary>The person agreed, and how and when they agreed is recorded.</summary>
    PersonAgreed,

    /// <summary>A formal decision with written reasons, notice and a route to challenge it.</summary>
    FormalDecision,
}

/// <summary>Money returned from a direct payment account to the council, recorded with its basis.</summary>
public sealed class Reclaim : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid AccountId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid? FlagId { get; set; }

    public long AmountPence { get; set; }

    public ReclaimBasis Basis { get; set; }

    /// <summary>For an agreement: how the person agreed (in a meeting, by email, by signing), in their words if possible.</summary>
    public string? AgreementDetails { get; set; }

    public DateOnly? AgreedOn { get; set; }

    /// <summary>For a formal decision: the written reasons given to the person.</summary>
    public string? DecisionReasons { get; set; }

    /// <summary>How the person can ask for the decision to be looked at again.</summary>
    public string? ChallengeRoute { get; set; }

    public DateOnly? NoticeGivenOn { get; set; }

    /// <summary>Paid back in instalments under a repayment plan rather than at once.</summary>
    public int Instalments { get; set; } = 1;

    public Guid? DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>An account chosen for the month's audit, in proportion to its oversight score, with the reasons.</summary>
public sealed class AuditSample : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>The first day of the month sampled.</summary>
    public DateOnly Month { get; set; }

    public Guid AccountId { get; set; }

    public int Score { get; set; }

    public required string Reasons { get; set; }

    public DateTime ChosenAt { get; set; }

    public DateOnly? AuditedOn { get; set; }

    public string? Findings { get; set; }
}
