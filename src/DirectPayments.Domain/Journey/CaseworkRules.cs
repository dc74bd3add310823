namespace DirectPayments.Domain.Journey;

/// <summary>Rules for starting an enquiry and booking a home visit (issue #3, item 2).</summary>
public static class EnquiryRules
{
    /// <summary>Days within which a home visit happens when the person asks for one and gives no date (Cornwall's visits; RULES.md section 16).</summary>
    public const int HomeVisitWithinDays = 10;

    /// <summary>How far ahead a visit can be booked; further than this is almost always a typing mistake.</summary>
    public const int LatestVisitMonths = 12;

    public const int NotesMaximumLength = 4000;

    /// <summary>The legal route to start from: a child's direct payment is made through a parent (RULES.md section 8.3). Staff can correct it later.</summary>
    public static LegalRoute DefaultRoute(Person person, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.AgeOn(today) < 18 ? LegalRoute.Child : LegalRoute.AdultWithCapacity;
    }

    /// <summary>Why a new enquiry cannot start while the person still has a direct payment that has not ended.</summary>
    public static string AlreadyOpen(string givenName, Stage stage) =>
        $"{givenName} already has a direct payment at the {stage.Label().ToLowerInvariant()} step. Open it instead";

    /// <summary>The same, said to the person themselves.</summary>
    public static string AlreadyOpenForYou(Stage stage) =>
        $"You already have a direct payment at the {stage.Label().ToLowerInvariant()} step. Open it instead";

    /// <summary>Checks a home visit date: a real date from today up to a year ahead.</summary>
    public static IReadOnlyList<FieldError> ValidateVisit(string field, DateOnly? visitOn, DateOnly today, bool required)
    {
        if (visitOn is not { } date)
        {
            return required ? [new FieldError(field, "Enter the date of the home visit")] : [];
        }
        if (date < today)
        {
            return [new FieldError(field, "The date of the home visit must be today or in the future")];
        }
        if (date > today.AddMonths(LatestVisitMonths))
        {
            return [new FieldError(field, "The date of the home visit must be within the next 12 months")];
        }
        return [];
    }

    /// <summary>When a home visit the person asked for falls due: their preferred date, or within 10 days.</summary>
    public static DateOnly HomeVisitDue(DateOnly today, DateOnly? preferred) => preferred ?? today.AddDays(HomeVisitWithinDays);
}

/// <summary>
/// Rules for ending a direct payment (RULES.md section 6): the person may stop at any time; the council
/// gives written reasons and, unless the law says payments must stop now, 28 days' notice.
/// </summary>
public static class EndingRules
{
    /// <summary>The shortest written reasons the council may give: at least a sentence.</summary>
    public const int MinimumReasonsLength = 20;

    public const int MaximumLength = 2000;

    /// <summary>The reasons a person can pick when they end their own direct payment.</summary>
    public static readonly IReadOnlyList<EndingReason> PersonReasons =
    [
        EndingReason.PersonChoseToStop, EndingReason.NeedsMetAnotherWay, EndingReason.MovedAway,
        EndingReason.DecidedNotToGoAhead, EndingReason.Other,
    ];

    /// <summary>The reason in the person's own words, as the person's form shows it.</summary>
    public static string PersonLabel(this EndingReason reason) => reason switch
    {
        EndingReason.PersonChoseToStop => "I would rather have my support arranged by the council",
        EndingReason.NeedsMetAnotherWay => "My needs are now met another way",
        EndingReason.NoLongerEligible => "I no longer need care and support",
        EndingReason.MovedAway => "I am moving to another council's area",
        EndingReason.Died => "The person has died",
        EndingReason.ConditionsNoLongerMet => "The conditions for a direct payment are no longer met",
        EndingReason.NotUsedForNeeds => "The money was not used for the needs in the plan",
        EndingReason.DecidedNotToGoAhead => "I have decided not to go ahead",
        EndingReason.Other => "Another reason",
    };

    /// <summary>Checks a person's request to end their own direct payment.</summary>
    public static IReadOnlyList<FieldError> ValidatePersonEnding(EndingReason? reason, string? words, bool confirmed)
    {
        var errors = new List<FieldError>();
        if (reason is null || !PersonReasons.Contains(reason.Value))
        {
            errors.Add(new FieldError("PersonReason", "Select why you want to end your direct payment"));
        }
        if (words is { Length: > MaximumLength })
        {
            errors.Add(new FieldError("Words", "What you would like us to know must be 2,000 characters or fewer"));
        }
        if (!confirmed)
        {
            errors.Add(new FieldError("Confirm", "Confirm that you want to end your direct payment"));
        }
        return errors;
    }

    /// <summary>Checks the council's decision to end a direct payment: a reason, written reasons, and the notice the law or local policy asks for.</summary>
    public static IReadOnlyList<FieldError> ValidateCouncilEnding(EndingReason? reason, string? reasons, DateOnly? noticeGiven, DateOnly? endsOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (reason is null)
        {
            errors.Add(new FieldError("Reason", "Select why the direct payment is ending"));
        }
        if (string.IsNullOrWhiteSpace(reasons))
        {
            errors.Add(new FieldError("Reasons", "Enter the reasons for ending the direct payment, which the person will read"));
        }
        else if (reasons.Trim().Length < MinimumReasonsLength)
        {
            errors.Add(new FieldError("Reasons", "Write the reasons in at least one full sentence, so the person understands why"));
        }
        else if (reasons.Length > MaximumLength)
        {
            errors.Add(new FieldError("Reasons", "The reasons must be 2,000 characters or fewer"));
        }
        if (noticeGiven is null)
        {
            errors.Add(new FieldError("NoticeGivenOn", "Enter the date notice was given"));
        }
        else if (noticeGiven > today)
        {
            errors.Add(new FieldError("NoticeGivenOn", "The date notice was given must be today or in the past"));
        }
        if (endsOn is null)
        {
            errors.Add(new FieldError("EndsOn", "Enter the date the direct payment ends"));
        }
        else if (noticeGiven is { } notice && noticeGiven <= today && reason is { } why)
        {
            var earliest = TaskRules.EarliestCouncilEnding(notice, why);
            if (endsOn < earliest)
            {
                var date = earliest.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
                errors.Add(new FieldError("EndsOn", earliest == notice
                    ? $"The end date must be on or after the date notice was given, {date}"
                    : $"The end date must be on or after {date}: the council gives {TaskRules.CouncilNoticeDays} days' notice unless the law says payments must stop straight away"));
            }
        }
        return errors;
    }
}

/// <summary>Rules for recording that a task was done.</summary>
public static class TaskCompletionRules
{
    public const int MaximumOutcomeLength = 4000;

    public static IReadOnlyList<FieldError> Validate(DateOnly? doneOn, string? outcome, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (doneOn is null)
        {
            errors.Add(new FieldError("DoneOn", "Enter the date the task was done"));
        }
        else if (doneOn > today)
        {
            errors.Add(new FieldError("DoneOn", "The date the task was done must be today or in the past"));
        }
        if (string.IsNullOrWhiteSpace(outcome))
        {
            errors.Add(new FieldError("Outcome", "Enter what happened"));
        }
        else if (outcome.Length > MaximumOutcomeLength)
        {
            errors.Add(new FieldError("Outcome", "What happened must be 4,000 characters or fewer"));
        }
        return errors;
    }
}
