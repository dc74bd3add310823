using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>
/// Records the outcome of the needs assessment (its reference in the council's case system, the date,
/// the eligible needs, the level of need and the legal route) and works out the indicative budget from
/// the allocation tool in force, so the person knows roughly how much money there is before planning.
/// </summary>
[Authorize(Policy = Policies.ManageJourney)]
public sealed class AssessmentModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public string? AssessmentReference { get; set; }

    [BindProperty, Display(Name = "Date of the assessment")] public DateOnly? AssessedOn { get; set; }

    [BindProperty] public string? EligibleNeeds { get; set; }

    [BindProperty] public NeedLevel? NeedLevel { get; set; }

    [BindProperty] public LegalRoute? Route { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public Refusal? StageRefusal { get; private set; }

    public Money? Indicative { get; private set; }

    public int? ToolVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        Reset();
        db.RecordAudit("arrangement.viewed", nameof(Arrangement), Arrangement.Id.ToString(), Arrangement.PersonId, details: "Assessment outcome");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (StageRefusal is { } refusal)
        {
            ModelState.AddModelError("Stage", refusal.Message);
            return Page();
        }
        var today = journey.Today;
        // The date binder has already reported dates that are not real, such as 31 2 2026.
        var errors = AssessmentRules.Validate(AssessmentReference, AssessedOn, EligibleNeeds, NeedLevel, Arrangement.EnquiryOn, today).ToList();
        if (AssessmentRules.CheckRoute(Route) is { } routeError)
        {
            errors.Add(routeError);
        }
        foreach (var error in errors)
        {
            if (error.Field != nameof(AssessedOn) || !DateRejected(nameof(AssessedOn)))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (Arrangement.Version != Version)
        {
            ModelState.Clear();
            Reset();
            ModelState.AddModelError(nameof(AssessmentReference), "Someone else changed this direct payment while you were editing. Check the answers below, which are now up to date, and save again");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var versions = await db.AllocationToolVersions.AsNoTracking().Include(v => v.Rates).Where(v => v.EffectiveFrom <= today).ToListAsync();
        var tool = AssessmentRules.InForce(versions, today);
        var (weekly, noRate) = AssessmentRules.Indicative(tool, Person, AssessedOn!.Value, NeedLevel!.Value);
        if (noRate is not null)
        {
            ModelState.AddModelError(nameof(NeedLevel), noRate.Message);
            return Page();
        }

        AssessmentRules.Apply(Arrangement, AssessmentReference!, AssessedOn.Value, EligibleNeeds!, NeedLevel.Value);
        Arrangement.Route = Route!.Value;
        Arrangement.IndicativeWeeklyPence = weekly!.Value.Pence;
        Arrangement.AllocationToolVersionId = tool!.Id;
        db.Entry(Arrangement).Property(a => a.Version).OriginalValue = Version;
        db.Actor.Reason = "Assessment outcome recorded";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(AssessmentReference), "Someone else changed this direct payment while you were editing. Reload the page and try again");
            return Page();
        }
        TempData["Success"] = $"Assessment outcome saved. Indicative budget: {weekly.Value} a week";
        return Redirect($"/arrangements/{Arrangement.Id}/assessment");
    }

    /// <summary>Whether the date binder already said what is wrong with the date (a part missing, or not a real date).</summary>
    private bool DateRejected(string field) =>
        ModelState.Where(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal)).Any(e => e.Value is { Errors.Count: > 0 });

    private void Reset() =>
        (AssessmentReference, AssessedOn, EligibleNeeds, NeedLevel, Route, Version) =
            (Arrangement.AssessmentReference, Arrangement.AssessedOn, Arrangement.EligibleNeeds, Arrangement.NeedLevel, Arrangement.Route, Arrangement.Version);

    private async Task<bool> LoadAsync(bool tracking)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        StageRefusal = AssessmentRules.CanRecord(arrangement.Stage);
        if (arrangement.IndicativeWeeklyPence is { } pence)
        {
            Indicative = new Money(pence);
            ToolVersion = await db.AllocationToolVersions.Where(v => v.Id == arrangement.AllocationToolVersionId).Select(v => (int?)v.Version).SingleOrDefaultAsync();
        }
        return true;
    }
}
