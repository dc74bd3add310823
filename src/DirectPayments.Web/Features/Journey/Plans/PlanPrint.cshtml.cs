using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>One version of the support plan as a plain page to print or save as a PDF, with who agreed it and when.</summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class PlanPrintModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public SupportPlan Plan { get; private set; } = null!;

    public Money? Indicative { get; private set; }

    public DateTime PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid arrangementId, int version)
    {
        var arrangement = await journey.FindVisibleAsync(User, arrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        var plan = await db.SupportPlans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Costs)
            .SingleOrDefaultAsync(p => p.ArrangementId == arrangement.Id && p.Version == version);
        if (plan is null)
        {
            return NotFound();
        }
        plan.Outcomes.Sort((x, y) => x.Order.CompareTo(y.Order));
        plan.Costs.Sort((x, y) => x.Order.CompareTo(y.Order));
        Arrangement = arrangement;
        Plan = plan;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        Indicative = arrangement.IndicativeWeeklyPence is { } pence ? new Money(pence) : null;
        PrintedAt = journey.Now;
        db.RecordAudit("supportPlan.viewed", nameof(SupportPlan), plan.Id.ToString(), arrangement.PersonId, details: $"Print view of version {plan.Version}");
        await db.SaveChangesAsync();
        return Page();
    }
}
