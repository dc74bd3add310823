namespace DirectPayments.Domain.Journey;

/// <summary>Recording a review of a direct payment with the person (RULES.md sections 5.1 and 5.2).</summary>
public static class ReviewRules
{
    public const int TextMaxLength = 4000;

    /// <summary>Whether a review may be recorded at this stage; null means it may.</summary>
    public static Refusal? CanRecord(Stage stage) => stage switch
    {
        Stage.Active or Stage.Suspended => null,
        Stage.Enquiry or Stage.Assessment or Stage.Planning or Stage.Suitability or Stage.FundingDecision or Stage.Agreement or Stage.SetUp =>
            new Refusal("not-active", $"A review can only be recorded once the direct payment is being paid. This one is at {stage.Label().ToLowerInvariant()}"),
        Stage.Ended => new Refusal("ended", "This direct payment has ended, so a review cannot be recorded"),
    };

    /// <summary>Checks a review. It cannot be held in the future.</summary>
    public static IReadOnlyList<FieldError> Validate(DateOnly? heldOn, bool? isFullReview, string? working, string? notWorking, string? changes, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (heldOn is null)
        {
            errors.Add(new FieldError("HeldOn", "Enter the date the review was held"));
        }
        else if (heldOn > today)
        {
            errors.Add(new FieldError("HeldOn", "The date the review was held must be today or in the past"));
        }
        if (isFullReview is null)
        {
            errors.Add(new FieldError("ReviewType", "Select whether this was a full review or a light-touch review"));
        }
        Required(errors, "WhatIsWorking", working, "Enter what is working for the person", "What is working");
        Required(errors, "WhatIsNotWorking", notWorking, "Enter what is not working for the person, or \"Nothing\" if they said nothing", "What is not working");
        if (changes is not null && changes.Trim().Length > TextMaxLength)
        {
            errors.Add(new FieldError("ChangesAgreed", "The changes agreed must be 4,000 characters or fewer"));
        }
        return errors;
    }

    /// <summary>
    /// Whether recording this review completes the task it was started from. A light-touch review does
    /// not reset the 12-month clock (RULES.md section 5.2), so it leaves a review task open; it does
    /// complete a child's six-monthly visit.
    /// </summary>
    public static bool CompletesTask(TaskKind kind, bool isFullReview) => kind switch
    {
        TaskKind.Review => isFullReview,
        TaskKind.ChildVisit => true,
        TaskKind.HomeVisit or TaskKind.SignUpVisit or TaskKind.SixWeekCheck or TaskKind.Reconsideration or TaskKind.EmployerChecklist
            or TaskKind.FinalReconciliation or TaskKind.EndPersonalAssistantEmployment or TaskKind.ReferToSupportService
            or TaskKind.SupportiveConversation or TaskKind.MoneyAudit => false,
    };

    /// <summary>Whether a review can be started from a task of this kind.</summary>
    public static bool IsReviewTask(TaskKind kind) => kind is TaskKind.Review or TaskKind.ChildVisit;

    /// <summary>
    /// The due date of the next review task after this one, or null if none is needed: only a full review
    /// restarts the clock, and only when no review task is open already.
    /// </summary>
    public static DateOnly? NextReviewDue(DateOnly heldOn, bool isFullReview, int intervalMonths, bool openReviewTaskExists) =>
        isFullReview && !openReviewTaskExists ? TaskRules.NextReviewDue(heldOn, intervalMonths) : null;

    private static void Required(List<FieldError> errors, string field, string? text, string missing, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, missing));
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            errors.Add(new FieldError(field, $"{name} must be 4,000 characters or fewer"));
        }
    }
}
