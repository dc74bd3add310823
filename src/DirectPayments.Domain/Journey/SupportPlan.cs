using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

/// <summary>What the money in a support plan is planned for (issue #3, item 3).</summary>
public enum CostCategory
{
    PersonalAssistant,
    Agency,
    Activities,
    Equipment,
    Transport,
    Other,

    /// <summary>Running the direct payment itself: payroll, insurance, bank charges, paper and ink (RULES.md section 4.3).</summary>
    Administration,
}

public enum PlanStatus
{
    /// <summary>Being written with the person; they can read and comment on it.</summary>
    Draft,

    /// <summary>The person (or representative) has agreed it.</summary>
    Agreed,

    /// <summary>A newer version replaced it; kept as it was.</summary>
    Superseded,
}

/// <summary>
/// The support plan, co-produced with the person: their outcomes in their own words, how each need is
/// met, planned weekly costs, a contingency plan and their circle of support. A change after it is
/// agreed makes a new version; the old one is kept.
/// </summary>
public sealed class SupportPlan : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public int Version { get; set; }

    public PlanStatus Status { get; set; }

    public string? ContingencyPlan { get; set; }

    public string? CircleOfSupport { get; set; }

    /// <summary>"What your direct payment can be used for", in plain English.</summary>
    public string? CanBeUsedFor { get; set; }

    /// <summary>Whether the plan pays a close family member who lives in the same household (RULES.md section 3.2).</summary>
    public bool PaysCloseFamilyInHousehold { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AgreedAt { get; set; }

    public Guid? AgreedByUserId { get; set; }

    public string? AgreedByName { get; set; }

    public List<PlanOutcome> Outcomes { get; set; } = [];

    public List<PlanCost> Costs { get; set; } = [];

    public Guid ConcurrencyToken { get; set; }

    public Money WeeklyTotal => Money.Sum(Costs.Select(c => new Money(c.WeeklyPence)));
}

/// <summary>An outcome in the person's own words, and how the need behind it is met.</summary>
public sealed class PlanOutcome
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public int Order { get; set; }

    public required string InTheirWords { get; set; }

    public required string HowItIsMet { get; set; }
}

/// <summary>One line of planned weekly spending.</summary>
public sealed class PlanCost
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public int Order { get; set; }

    public CostCategory Category { get; set; }

    public required string Description { get; set; }

    /// <summary>Planned minutes a week (hours are shown; minutes keep SQLite free of decimals).</summary>
    public int WeeklyMinutes { get; set; }

    public long WeeklyPence { get; set; }
}

/// <summary>A comment on a support plan from the person, a representative or a practitioner.</summary>
public sealed class PlanComment : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid PlanId { get; set; }

    public Guid? AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTime PostedAt { get; set; }
}

public static class SupportPlanRules
{
    /// <summary>Plain-English words a council can start from for "what your direct payment can be used for" (RULES.md section 3.1).</summary>
    public const string DefaultCanBeUsedFor =
        "You can use your direct payment for anything that meets the needs and outcomes in this plan. " +
        "For example: paying a personal assistant, an agency or a local micro-enterprise, activities and classes, " +
        "equipment, transport to get to the things in your plan, and the costs of running your direct payment " +
        "such as payroll, insurance and stationery. You can change who provides your support without asking first, " +
        "as long as it still meets your outcomes. You cannot use it for things that are illegal, gambling, alcohol " +
        "or tobacco, general household bills, or services the NHS or the council provides free. If you are not sure, ask us: " +
        "we would rather you asked than worried.";

    public static string Label(this CostCategory category) => category switch
    {
        CostCategory.PersonalAssistant => "Personal assistant",
        CostCategory.Agency => "Care agency",
        CostCategory.Activities => "Activities",
        CostCategory.Equipment => "Equipment",
        CostCategory.Transport => "Transport",
        CostCategory.Other => "Other",
        CostCategory.Administration => "Running the direct payment (payroll, insurance, bank charges)",
    };

    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Draft",
        PlanStatus.Agreed => "Agreed",
        PlanStatus.Superseded => "Replaced by a newer version",
    };

    /// <summary>What is still missing before the plan is complete; empty means it is.</summary>
    public static IReadOnlyList<string> Missing(SupportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var missing = new List<string>();
        if (plan.Outcomes.Count == 0)
        {
            missing.Add("at least one outcome in the person's own words");
        }
        if (plan.Costs.Count == 0 || plan.WeeklyTotal.Pence <= 0)
        {
            missing.Add("planned weekly costs");
        }
        if (string.IsNullOrWhiteSpace(plan.ContingencyPlan))
        {
            missing.Add("a contingency plan");
        }
        if (string.IsNullOrWhiteSpace(plan.CanBeUsedFor))
        {
            missing.Add("what the direct payment can be used for");
        }
        return missing;
    }

    /// <summary>A copy of the plan as the next draft version, for a change after it was agreed.</summary>
    public static SupportPlan NextVersion(SupportPlan current, Guid newId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new SupportPlan
        {
            Id = newId,
            CouncilId = current.CouncilId,
            ArrangementId = current.ArrangementId,
            Version = current.Version + 1,
            Status = PlanStatus.Draft,
            ContingencyPlan = current.ContingencyPlan,
            CircleOfSupport = current.CircleOfSupport,
            CanBeUsedFor = current.CanBeUsedFor,
            PaysCloseFamilyInHousehold = current.PaysCloseFamilyInHousehold,
            CreatedAt = now,
            ConcurrencyToken = Guid.NewGuid(),
            Outcomes = [.. current.Outcomes.Select(o => new PlanOutcome { Id = Guid.NewGuid(), PlanId = newId, Order = o.Order, InTheirWords = o.InTheirWords, HowItIsMet = o.HowItIsMet })],
            Costs = [.. current.Costs.Select(c => new PlanCost { Id = Guid.NewGuid(), PlanId = newId, Order = c.Order, Category = c.Category, Description = c.Description, WeeklyMinutes = c.WeeklyMinutes, WeeklyPence = c.WeeklyPence })],
        };
    }
}
