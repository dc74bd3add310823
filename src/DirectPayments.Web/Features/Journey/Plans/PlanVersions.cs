using DirectPayments.Data;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>Starting a new version of an agreed plan, from the plan page or after a review. The old version is kept as it was.</summary>
public static class PlanVersions
{
    /// <summary>Adds the next draft version and marks the current one replaced. The caller saves.</summary>
    public static SupportPlan StartNext(DpDbContext db, JourneyActions journey, SupportPlan current)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(current);
        var next = SupportPlanRules.NextVersion(current, journey.NewId(), journey.Now);
        current.Status = PlanStatus.Superseded;
        db.SupportPlans.Add(next);
        return next;
    }

    /// <summary>A first, empty draft with the council's plain-English words on what the money can be used for. The caller saves.</summary>
    public static SupportPlan StartFirst(DpDbContext db, JourneyActions journey, Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(arrangement);
        var plan = new SupportPlan
        {
            Id = journey.NewId(),
            CouncilId = arrangement.CouncilId,
            ArrangementId = arrangement.Id,
            Version = 1,
            Status = PlanStatus.Draft,
            CanBeUsedFor = SupportPlanRules.DefaultCanBeUsedFor,
            CreatedAt = journey.Now,
            ConcurrencyToken = Guid.NewGuid(),
        };
        db.SupportPlans.Add(plan);
        return plan;
    }
}
