using System.Globalization;

namespace DirectPayments.Domain.Journey;

/// <summary>One outcome row as typed into the plan form; both parts blank means the row is unused.</summary>
public sealed record OutcomeRow(string? InTheirWords, string? HowItIsMet)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(InTheirWords) && string.IsNullOrWhiteSpace(HowItIsMet);
}

/// <summary>One cost row as typed into the plan form: a category name, a description, hours a week and pounds a week.</summary>
public sealed record CostRow(string? Category, string? Description, string? Hours, string? Weekly)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Hours) && string.IsNullOrWhiteSpace(Weekly);
}

/// <summary>What the plan form said, checked: the outcomes and costs to keep, or the problems to show.</summary>
public sealed record PlanEdit(IReadOnlyList<PlanOutcome> Outcomes, IReadOnlyList<PlanCost> Costs, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Editing a support plan from a form that works without JavaScript: a fixed number of rows, each either
/// left blank (ignored) or filled in completely. Field names match the form's, such as "Costs[2].Weekly".
/// </summary>
public static class PlanEditing
{
    /// <summary>The most outcomes or cost lines a plan holds; a longer plan is easier to read split into fewer, broader lines.</summary>
    public const int MaximumRows = 20;

    public const int TextMaxLength = 4000;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether the plan may be written or changed at this stage; null means it may.</summary>
    public static Refusal? CanEdit(Stage stage) => stage switch
    {
        Stage.Planning or Stage.Active or Stage.Suspended => null,
        Stage.Enquiry or Stage.Assessment => new Refusal("planning-not-started",
            "Record the assessment outcome and move the direct payment on to support planning before writing the plan"),
        Stage.Suitability or Stage.FundingDecision or Stage.Agreement or Stage.SetUp => new Refusal("plan-locked",
            $"The support plan cannot be changed while the direct payment is at {stage.Label().ToLowerInvariant()}. Move it back to support planning first, giving the reason"),
        Stage.Ended => new Refusal("ended", "This direct payment has ended, so its support plan cannot be changed"),
    };

    /// <summary>Whether a plan version may be edited as it is; an agreed plan is changed by starting a new version.</summary>
    public static Refusal? CanEditVersion(SupportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Status switch
        {
            PlanStatus.Draft => null,
            PlanStatus.Agreed => new Refusal("plan-agreed",
                $"Version {plan.Version} of the plan has been agreed, so it cannot be changed. Start a new version to make changes: version {plan.Version} is kept as it was"),
            PlanStatus.Superseded => new Refusal("plan-superseded", $"Version {plan.Version} of the plan has been replaced by a newer version"),
        };
    }

    /// <summary>Reads hours a week such as "7.5" into whole minutes (450), or null if it is not a number of hours from 0 to 168.</summary>
    public static int? ParseHours(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours > 168m)
        {
            return null;
        }
        return (int)decimal.Round(hours * 60m, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Minutes a week as hours for a form or a page: 450 is "7.5", 480 is "8".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Checks the rows and the plan's text, and builds the outcomes and costs to keep.</summary>
    public static PlanEdit Check(IReadOnlyList<OutcomeRow> outcomeRows, IReadOnlyList<CostRow> costRows, string? contingencyPlan, string? circleOfSupport, string? canBeUsedFor)
    {
        ArgumentNullException.ThrowIfNull(outcomeRows);
        ArgumentNullException.ThrowIfNull(costRows);
        var errors = new List<FieldError>();
        var outcomes = new List<PlanOutcome>();
        var costs = new List<PlanCost>();

        for (var i = 0; i < outcomeRows.Count; i++)
        {
            var row = outcomeRows[i];
            if (row.IsBlank)
            {
                continue;
            }
            var n = (i + 1).ToString(EnGb);
            var field = $"Outcomes[{i.ToString(CultureInfo.InvariantCulture)}]";
            var ok = true;
            if (string.IsNullOrWhiteSpace(row.InTheirWords))
            {
                errors.Add(new FieldError($"{field}.InTheirWords", $"Outcome {n}: enter the outcome in the person's own words, or clear the row"));
                ok = false;
            }
            else if (row.InTheirWords.Trim().Length > 1000)
            {
                errors.Add(new FieldError($"{field}.InTheirWords", $"Outcome {n}: the outcome must be 1,000 characters or fewer"));
                ok = false;
            }
            if (string.IsNullOrWhiteSpace(row.HowItIsMet))
            {
                errors.Add(new FieldError($"{field}.HowItIsMet", $"Outcome {n}: enter how this need is met, or clear the row"));
                ok = false;
            }
            else if (row.HowItIsMet.Trim().Length > 2000)
            {
                errors.Add(new FieldError($"{field}.HowItIsMet", $"Outcome {n}: how the need is met must be 2,000 characters or fewer"));
                ok = false;
            }
            if (ok)
            {
                outcomes.Add(new PlanOutcome { Id = Guid.NewGuid(), Order = outcomes.Count + 1, InTheirWords = row.InTheirWords!.Trim(), HowItIsMet = row.HowItIsMet!.Trim() });
            }
        }

        for (var i = 0; i < costRows.Count; i++)
        {
            var row = costRows[i];
            if (row.IsBlank)
            {
                continue;
            }
            var n = (i + 1).ToString(EnGb);
            var field = $"Costs[{i.ToString(CultureInfo.InvariantCulture)}]";
            var ok = true;
            CostCategory category = default;
            if (string.IsNullOrWhiteSpace(row.Category) || !Enum.TryParse(row.Category, ignoreCase: false, out category) || !Enum.IsDefined(category))
            {
                errors.Add(new FieldError($"{field}.Category", $"Cost {n}: select what the money is for"));
                ok = false;
            }
            if (string.IsNullOrWhiteSpace(row.Description))
            {
                errors.Add(new FieldError($"{field}.Description", $"Cost {n}: enter a description, like \"Personal assistant, weekday mornings\""));
                ok = false;
            }
            else if (row.Description.Trim().Length > 300)
            {
                errors.Add(new FieldError($"{field}.Description", $"Cost {n}: the description must be 300 characters or fewer"));
                ok = false;
            }
            var minutes = ParseHours(row.Hours);
            if (minutes is null)
            {
                errors.Add(new FieldError($"{field}.Hours", $"Cost {n}: enter hours a week as a number from 0 to 168, like 7.5, or leave it blank"));
                ok = false;
            }
            var weekly = Money.TryParsePounds(row.Weekly);
            if (string.IsNullOrWhiteSpace(row.Weekly))
            {
                errors.Add(new FieldError($"{field}.Weekly", $"Cost {n}: enter the weekly cost in pounds and pence, like 120.50"));
                ok = false;
            }
            else if (weekly is null)
            {
                errors.Add(new FieldError($"{field}.Weekly", $"Cost {n}: enter the weekly cost as an amount in pounds and pence, like 120.50"));
                ok = false;
            }
            else if (weekly.Value.Pence < 1)
            {
                errors.Add(new FieldError($"{field}.Weekly", $"Cost {n}: the weekly cost must be at least £0.01"));
                ok = false;
            }
            if (ok)
            {
                costs.Add(new PlanCost
                {
                    Id = Guid.NewGuid(),
                    Order = costs.Count + 1,
                    Category = category,
                    Description = row.Description!.Trim(),
                    WeeklyMinutes = minutes!.Value,
                    WeeklyPence = weekly!.Value.Pence,
                });
            }
        }

        if (outcomeRows.Count(r => !r.IsBlank) > MaximumRows)
        {
            errors.Add(new FieldError("Outcomes", $"A plan can have at most {MaximumRows} outcomes. Combine some of them"));
        }
        if (costRows.Count(r => !r.IsBlank) > MaximumRows)
        {
            errors.Add(new FieldError("Costs", $"A plan can have at most {MaximumRows} cost lines. Combine some of them"));
        }
        AddTooLong(errors, "ContingencyPlan", "The contingency plan", contingencyPlan);
        AddTooLong(errors, "CircleOfSupport", "The circle of support", circleOfSupport);
        AddTooLong(errors, "CanBeUsedFor", "What the direct payment can be used for", canBeUsedFor);
        return new PlanEdit(outcomes, costs, errors);
    }

    /// <summary>How the planned weekly total compares with the indicative budget, in words.</summary>
    public static string CompareWithIndicative(Money weeklyTotal, Money? indicative) => indicative switch
    {
        null => "There is no indicative budget to compare with yet.",
        { } i when weeklyTotal == i => $"This is the same as the indicative budget of {i} a week.",
        { } i when weeklyTotal > i => $"This is {weeklyTotal - i} a week more than the indicative budget of {i}. Explain why when proposing the budget.",
        { } i => $"This is {i - weeklyTotal} a week less than the indicative budget of {i}.",
    };

    private static void AddTooLong(List<FieldError> errors, string field, string name, string? text)
    {
        if (text is not null && text.Trim().Length > TextMaxLength)
        {
            errors.Add(new FieldError(field, $"{name} must be 4,000 characters or fewer"));
        }
    }
}
