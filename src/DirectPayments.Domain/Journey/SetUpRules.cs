namespace DirectPayments.Domain.Journey;

/// <summary>What is recorded while a direct payment is set up (issue #3, item 7), as one form's answers.</summary>
public sealed record SetUpAnswers(
    PaymentMethod? PaymentMethod,
    DateOnly? SupportReferralOn,
    Guid? SupportOrganisationId,
    bool? WillEmployPersonalAssistant,
    DateOnly? PersonalAssistantStartsOn,
    DateOnly? SignUpVisitOn,
    IReadOnlyList<string> ChecklistDone,
    DateOnly? FirstPaymentOn);

/// <summary>
/// Checks and applies set-up answers. Each may be recorded as it happens, so none is compulsory here;
/// <see cref="JourneyRules"/> decides what must be present before payments start.
/// </summary>
public static class SetUpRules
{
    /// <summary>
    /// Field errors for the answers, in the form's order. A first payment date already recorded may stay
    /// as it is after that day has passed; a new or changed one must be today or later.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(SetUpAnswers answers, DateOnly? recordedFirstPayment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<FieldError>();
        if (answers.SupportReferralOn > today)
        {
            errors.Add(new FieldError(nameof(SetUpAnswers.SupportReferralOn), "The date of the referral must be today or in the past"));
        }
        if (answers.WillEmployPersonalAssistant is null)
        {
            errors.Add(new FieldError(nameof(SetUpAnswers.WillEmployPersonalAssistant), "Select yes if the person will employ a personal assistant"));
        }
        if (answers.SignUpVisitOn > today)
        {
            errors.Add(new FieldError(nameof(SetUpAnswers.SignUpVisitOn), "The date of the sign-up visit must be today or in the past. Record the visit once it has happened"));
        }
        else if (answers.SignUpVisitOn is null && answers.ChecklistDone.Count > 0)
        {
            errors.Add(new FieldError(nameof(SetUpAnswers.SignUpVisitOn), "Enter the date of the sign-up visit, because checklist items are ticked"));
        }
        if (answers.FirstPaymentOn is { } first && first != recordedFirstPayment && first < today)
        {
            errors.Add(new FieldError(nameof(SetUpAnswers.FirstPaymentOn), "The date of the first payment must be today or in the future"));
        }
        return errors;
    }

    /// <summary>Copies valid answers onto the arrangement. A personal assistant's start date is kept only if they will employ one.</summary>
    public static void Apply(Arrangement arrangement, SetUpAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(answers);
        arrangement.PaymentMethod = answers.PaymentMethod;
        arrangement.SupportReferralOn = answers.SupportReferralOn;
        arrangement.SupportOrganisationId = answers.SupportOrganisationId;
        arrangement.WillEmployPersonalAssistant = answers.WillEmployPersonalAssistant == true;
        arrangement.PersonalAssistantStartsOn = answers.WillEmployPersonalAssistant == true ? answers.PersonalAssistantStartsOn : null;
        arrangement.SignUpVisitOn = answers.SignUpVisitOn;
        arrangement.SignUpChecklistDone = string.Join(",", SignUpChecklist.Items.Select(i => i.Code).Where(answers.ChecklistDone.Contains));
        arrangement.FirstPaymentOn = answers.FirstPaymentOn;
    }

    /// <summary>The form field a refusal to start payments is about, so the message appears beside it.</summary>
    public static string? FieldFor(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            "payment-method-missing" => nameof(SetUpAnswers.PaymentMethod),
            "first-payment-missing" => nameof(SetUpAnswers.FirstPaymentOn),
            "sign-up-visit-incomplete" => nameof(SetUpAnswers.ChecklistDone),
            _ => null,
        };
    }
}
