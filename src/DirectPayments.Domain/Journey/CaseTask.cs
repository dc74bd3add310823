using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

/// <summary>The kinds of task the journey creates, each from a rule with a due date (issue #3, item 8).</summary>
public enum TaskKind
{
    HomeVisit,
    SignUpVisit,
    SixWeekCheck,
    Review,
    ChildVisit,
    Reconsideration,
    EmployerChecklist,
    FinalReconciliation,
    EndPersonalAssistantEmployment,
    ReferToSupportService,

    /// <summary>A supportive conversation opened by a money flag (issue #4, item 6).</summary>
    SupportiveConversation,

    /// <summary>An account chosen for the month's proportionate audit sample.</summary>
    MoneyAudit,
}

/// <summary>A piece of work with a due date, for a team or a named person, about one arrangement.</summary>
public sealed class CaseTask : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid PersonId { get; set; }

    public TaskKind Kind { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>For a visit: the date it is booked for, which the person sees.</summary>
    public DateOnly? BookedFor { get; set; }

    public string? Notes { get; set; }

    public Guid? TeamId { get; set; }

    public Guid? AssignedUserId { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public Guid? CompletedByUserId { get; set; }

    public string? CompletedByName { get; set; }

    public string? Outcome { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsOpen => CompletedOn is null;

    public bool IsOverdueOn(DateOnly today) => CompletedOn is null && DueOn < today;
}

/// <summary>
/// When tasks fall due (RULES.md sections 5.1, 5.2, 8.3 and 16). "Months" are calendar months: six
/// months after 31 August is the last day of February.
/// </summary>
public static class TaskRules
{
    /// <summary>Days after the agreement is signed by which the sign-up visit should happen (LOCAL).</summary>
    public const int SignUpVisitWithinDays = 14;

    /// <summary>Days to refer the person to the support service once set-up starts (LOCAL).</summary>
    public const int ReferralWithinDays = 5;

    /// <summary>Days to look again at a refusal when the person asks.</summary>
    public const int ReconsiderationWithinDays = 20;

    /// <summary>Weeks after a personal assistant starts before the check-up (Cornwall; RULES.md section 16).</summary>
    public const int SixWeekCheckWeeks = 6;

    /// <summary>Months between visits to a child's family (Cornwall; RULES.md section 8.3).</summary>
    public const int ChildVisitMonths = 6;

    /// <summary>The statutory longest gap between reviews (SI 2014/2871 reg 7).</summary>
    public const int MaximumReviewIntervalMonths = 12;

    /// <summary>Council notice, in days, before it ends a direct payment where it may choose when (LOCAL; RULES.md section 6).</summary>
    public const int CouncilNoticeDays = 28;

    public static string Label(this TaskKind kind) => kind switch
    {
        TaskKind.HomeVisit => "Home visit",
        TaskKind.SignUpVisit => "Sign-up visit",
        TaskKind.SixWeekCheck => "Six-week check-up after a personal assistant starts",
        TaskKind.Review => "Review",
        TaskKind.ChildVisit => "Six-monthly visit to the family",
        TaskKind.Reconsideration => "Look again at a refused direct payment",
        TaskKind.EmployerChecklist => "Employer checklist",
        TaskKind.FinalReconciliation => "Final reconciliation of the account",
        TaskKind.EndPersonalAssistantEmployment => "Help end the personal assistant's employment properly",
        TaskKind.ReferToSupportService => "Refer to the direct payment support service",
        TaskKind.SupportiveConversation => "Supportive conversation about the direct payment account",
        TaskKind.MoneyAudit => "Look at the account for this month's audit sample",
    };

    /// <summary>The first review: within 6 months of the first payment (reg 7(1)(a)).</summary>
    public static DateOnly FirstReviewDue(DateOnly firstPayment) => firstPayment.AddMonths(6);

    /// <summary>The next review after one is completed: at most 12 months, sooner where the oversight level says.</summary>
    public static DateOnly NextReviewDue(DateOnly lastReview, int intervalMonths) =>
        lastReview.AddMonths(Math.Clamp(intervalMonths, 1, MaximumReviewIntervalMonths));

    public static DateOnly SixWeekCheckDue(DateOnly personalAssistantStarts) => personalAssistantStarts.AddDays(7 * SixWeekCheckWeeks);

    public static DateOnly NextChildVisitDue(DateOnly from) => from.AddMonths(ChildVisitMonths);

    /// <summary>The earliest date a council may end a direct payment it chooses to end. When the law says payments must stop, they stop at once.</summary>
    public static DateOnly EarliestCouncilEnding(DateOnly noticeGiven, EndingReason reason) => reason switch
    {
        EndingReason.Died or EndingReason.ConditionsNoLongerMet or EndingReason.MovedAway => noticeGiven,
        EndingReason.PersonChoseToStop or EndingReason.NeedsMetAnotherWay or EndingReason.NoLongerEligible
            or EndingReason.NotUsedForNeeds or EndingReason.DecidedNotToGoAhead or EndingReason.Other => noticeGiven.AddDays(CouncilNoticeDays),
    };
}

/// <summary>What the sign-up visit covers; every item must be ticked before the first payment.</summary>
public static class SignUpChecklist
{
    public static readonly IReadOnlyList<(string Code, string Text)> Items =
    [
        ("agreement", "Went through the signed agreement and the person's responsibilities"),
        ("account", "The account or card is set up and the person knows how to use it"),
        ("records", "Explained how to keep records and receipts, including on paper"),
        ("contingency", "Talked through the contingency plan and what to do in an emergency"),
        ("contacts", "The person knows who to contact for help and how to raise a concern"),
    ];

    public static IReadOnlyList<string> Parse(string? done) =>
        [.. (done ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => Items.Any(i => i.Code == c)).Distinct()];

    public static bool IsComplete(string? done) => Items.All(i => Parse(done).Contains(i.Code));
}

/// <summary>A review of a direct payment with the person: what works, what does not, and what changes.</summary>
public sealed class Review : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid? TaskId { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>A full review resets the 12-month clock; a light-touch or event review does not unless the council says so (RULES.md section 5.2).</summary>
    public bool IsFullReview { get; set; }

    public required string WhatIsWorking { get; set; }

    public required string WhatIsNotWorking { get; set; }

    public string? ChangesAgreed { get; set; }

    public bool NewPlanNeeded { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public required string RecordedByName { get; set; }

    public DateTime RecordedAt { get; set; }
}
