namespace DirectPayments.Domain.Journey;

/// <summary>
/// The person (or their representative) agreeing their support plan, online or, recorded by a
/// practitioner, in person or on paper; and comments on the plan.
/// </summary>
public static class PlanAgreementRules
{
    public const int CommentMaxLength = 2000;

    public const int HowAgreedMaxLength = 150;

    /// <summary>Whether this version can be agreed now; null means it can.</summary>
    public static Refusal? CanAgree(SupportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status != PlanStatus.Draft)
        {
            return new Refusal("not-draft", plan.Status == PlanStatus.Agreed
                ? $"Version {plan.Version} of the plan has already been agreed"
                : $"Version {plan.Version} of the plan has been replaced by a newer version");
        }
        var missing = SupportPlanRules.Missing(plan);
        return missing.Count == 0
            ? null
            : new Refusal("plan-incomplete", "The plan cannot be agreed yet. It still needs " + string.Join(", ", missing));
    }

    /// <summary>Marks the plan agreed by the person who agreed it, as the agreement and the timeline will show.</summary>
    public static void Agree(SupportPlan plan, Guid? userId, string agreedByName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (CanAgree(plan) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }
        plan.Status = PlanStatus.Agreed;
        plan.AgreedAt = now;
        plan.AgreedByUserId = userId;
        plan.AgreedByName = agreedByName.Length > 200 ? agreedByName[..200] : agreedByName;
    }

    /// <summary>The words kept when a practitioner records an agreement given in person or on paper.</summary>
    public static string RecordedBy(string staffName, string how) => $"Recorded by {staffName}: {how.Trim()}";

    /// <summary>Checks a practitioner's record that the person agreed the plan away from the service.</summary>
    public static IReadOnlyList<FieldError> ValidateRecorded(bool confirmed, string? how)
    {
        var errors = new List<FieldError>();
        if (!confirmed)
        {
            errors.Add(new FieldError("PersonAgreedConfirmed", "Confirm that the person (or their representative) agreed this version of the plan"));
        }
        if (string.IsNullOrWhiteSpace(how))
        {
            errors.Add(new FieldError("HowAgreed", "Enter how the person agreed the plan, like \"agreed on paper at a home visit\""));
        }
        else if (how.Trim().Length > HowAgreedMaxLength)
        {
            errors.Add(new FieldError("HowAgreed", "How the person agreed must be 150 characters or fewer"));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateComment(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new FieldError("CommentText", "Enter your comment")];
        }
        return text.Trim().Length > CommentMaxLength ? [new FieldError("CommentText", "Your comment must be 2,000 characters or fewer")] : [];
    }
}
