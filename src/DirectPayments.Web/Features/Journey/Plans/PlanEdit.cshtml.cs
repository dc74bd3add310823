using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Plans;

public sealed class OutcomeInput
{
    public string? InTheirWords { get; set; }

    public string? HowItIsMet { get; set; }
}

public sealed class CostInput
{
    public string? Category { get; set; }

    public string? Description { get; set; }

    public string? Hours { get; set; }

    public string? Weekly { get; set; }
}

/// <summary>
/// Writes the draft support plan with the person: outcomes in their own words and how each is met, the
/// weekly costs, the contingency plan, the circle of support and what the money can be used for. Works
/// without JavaScript: the form has a fixed number of rows, and "add another" posts back with one more.
/// An agreed plan is never edited: a new version is started and the old one kept.
/// </summary>
[Authorize(Policy = Policies.ManageJourney)]
public sealed class PlanEditModel(DpDbContext db, JourneyActions journey) : PageModel
{
    /// <summary>Blank rows offered after the filled ones, so most plans need no "add another".</summary>
    private const int BlankRows = 2;

    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public List<OutcomeInput> Outcomes { get; set; } = [];

    [BindProperty] public List<CostInput> Costs { get; set; } = [];

    [BindProperty] public string? ContingencyPlan { get; set; }

    [BindProperty] public string? CircleOfSupport { get; set; }

    [BindProperty] public string? CanBeUsedFor { get; set; }

    [BindProperty] public bool PaysCloseFamilyInHousehold { get; set; }

    [BindProperty] public Guid PlanToken { get; set; }

    /// <summary>"outcome" or "cost" when an "add another" button was pressed instead of saving.</summary>
    [BindProperty] public string? Add { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public SupportPlan? Plan { get; private set; }

    public Money? Indicative { get; private set; }

    public Refusal? StageRefusal { get; private set; }

    public Refusal? VersionRefusal => Plan is null ? null : PlanEditing.CanEditVersion(Plan);

    public bool CanEdit => Plan is not null && StageRefusal is null && VersionRefusal is null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        if (Plan is null)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/plan");
        }
        FillFromPlan(Plan);
        db.RecordAudit("supportPlan.viewed", nameof(SupportPlan), Plan.Id.ToString(), Arrangement.PersonId, details: $"Editing version {Plan.Version}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (Plan is null)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/plan");
        }
        if ((StageRefusal ?? VersionRefusal) is { } refusal)
        {
            ModelState.AddModelError("Plan", refusal.Message);
            return Page();
        }
        if (Add is "outcome" or "cost")
        {
            var rows = Add == "outcome" ? Outcomes.Count : Costs.Count;
            if (rows < PlanEditing.MaximumRows)
            {
                if (Add == "outcome")
                {
                    Outcomes.Add(new OutcomeInput());
                }
                else
                {
                    Costs.Add(new CostInput());
                }
            }
            return Page();
        }

        var edit = PlanEditing.Check(
            [.. Outcomes.Select(o => new OutcomeRow(o.InTheirWords, o.HowItIsMet))],
            [.. Costs.Select(c => new CostRow(c.Category, c.Description, c.Hours, c.Weekly))],
            ContingencyPlan, CircleOfSupport, CanBeUsedFor);
        foreach (var error in edit.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (Plan.ConcurrencyToken != PlanToken)
        {
            ModelState.AddModelError("Plan", "Someone else saved this plan while you were editing. Your changes are below but have not been saved. Check them, then save again to replace the other changes");
            PlanToken = Plan.ConcurrencyToken;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.RemoveRange(Plan.Outcomes);
        db.RemoveRange(Plan.Costs);
        foreach (var outcome in edit.Outcomes)
        {
            outcome.PlanId = Plan.Id;
            db.Add(outcome);
        }
        foreach (var cost in edit.Costs)
        {
            cost.PlanId = Plan.Id;
            db.Add(cost);
        }
        Plan.ContingencyPlan = Clean(ContingencyPlan);
        Plan.CircleOfSupport = Clean(CircleOfSupport);
        Plan.CanBeUsedFor = Clean(CanBeUsedFor);
        Plan.PaysCloseFamilyInHousehold = PaysCloseFamilyInHousehold;
        var entry = db.Entry(Plan);
        entry.Property(p => p.ConcurrencyToken).OriginalValue = PlanToken;
        entry.Property(p => p.ConcurrencyToken).IsModified = true;
        db.Actor.Reason = $"Support plan version {Plan.Version} changed";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Plan", "Someone else saved this plan while you were editing. Reload the page to see their changes, then make yours again");
            return Page();
        }
        var total = Money.Sum(edit.Costs.Select(c => new Money(c.WeeklyPence)));
        TempData["Success"] = $"Plan saved. Planned weekly total: {total}. {PlanEditing.CompareWithIndicative(total, Indicative)}";
        return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
    }

    public async Task<IActionResult> OnPostNewVersionAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (Plan is null || Plan.Status == PlanStatus.Draft)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
        }
        if (StageRefusal is { } refusal)
        {
            ModelState.AddModelError("Plan", refusal.Message);
            return Page();
        }
        if (Plan.Status != PlanStatus.Agreed)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
        }
        var next = PlanVersions.StartNext(db, journey, Plan);
        db.Actor.Reason = $"Support plan version {next.Version} started";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone else started the new version at the same moment: the unique version index kept theirs.
            return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
        }
        TempData["Success"] = $"Version {next.Version} of the plan started as a draft. Version {Plan.Version} is kept as it was";
        return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void FillFromPlan(SupportPlan plan)
    {
        Outcomes = [.. plan.Outcomes.Select(o => new OutcomeInput { InTheirWords = o.InTheirWords, HowItIsMet = o.HowItIsMet })];
        Costs = [.. plan.Costs.Select(c => new CostInput
        {
            Category = c.Category.ToString(), Description = c.Description,
            Hours = c.WeeklyMinutes == 0 ? "" : PlanEditing.Hours(c.WeeklyMinutes), Weekly = new Money(c.WeeklyPence).ToInputString(),
        })];
        for (var i = 0; i < BlankRows && Outcomes.Count < PlanEditing.MaximumRows; i++)
        {
            Outcomes.Add(new OutcomeInput());
        }
        for (var i = 0; i < BlankRows && Costs.Count < PlanEditing.MaximumRows; i++)
        {
            Costs.Add(new CostInput());
        }
        (ContingencyPlan, CircleOfSupport, CanBeUsedFor, PaysCloseFamilyInHousehold, PlanToken) =
            (plan.ContingencyPlan, plan.CircleOfSupport, plan.CanBeUsedFor, plan.PaysCloseFamilyInHousehold, plan.ConcurrencyToken);
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        Plan = await journey.CurrentPlanAsync(arrangement.Id, tracking);
        Indicative = arrangement.IndicativeWeeklyPence is { } pence ? new Money(pence) : null;
        StageRefusal = PlanEditing.CanEdit(arrangement.Stage);
        return true;
    }
}
