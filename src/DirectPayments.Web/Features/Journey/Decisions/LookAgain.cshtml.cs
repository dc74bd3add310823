using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>
/// The person (or whoever acts for them) asks for a refused suitability decision to be looked at
/// again (RULES.md section 2.5). The request is kept on the decision and the team gets a task, due
/// within <see cref="TaskRules.ReconsiderationWithinDays"/> days. Only the person or their
/// representative asks; staff are refused by role once the record is found, so another council's
/// record is still a 404 for everyone.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class LookAgainModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public string? Why { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public SuitabilityDecision? Latest { get; private set; }

    /// <summary>Why the person cannot ask now; null means they can.</summary>
    public Refusal? CannotAsk { get; private set; }

    /// <summary>The open task for the second look, once asked.</summary>
    public CaseTask? OpenTask { get; private set; }

    public string TeamName { get; private set; } = "the direct payments team";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        return User.May(Policies.PersonOnly) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (!User.May(Policies.PersonOnly))
        {
            return Forbid();
        }
        if (CannotAsk is { } refusal)
        {
            ModelState.AddModelError(nameof(Why), refusal.Message);
            return Page();
        }
        foreach (var error in ReconsiderationRules.ValidateRequest(Why))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (!ModelState.IsValid || Latest is null)
        {
            return Page();
        }
        Latest.ReconsiderationRequestedAt = journey.Now;
        Latest.ReconsiderationRequest = Why!.Trim();
        await journey.AddTaskAsync(Arrangement, TaskKind.Reconsideration, journey.Today.AddDays(TaskRules.ReconsiderationWithinDays),
            "The person asked for the refused suitability decision to be looked at again. Their reasons are on the suitability page. A manager who did not make the decision should look at it.");
        await db.SaveChangesAsync();
        TempData["Success"] = "Your request has been sent";
        return Redirect($"/arrangements/{Arrangement.Id}/suitability/look-again");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        if (await journey.FindVisibleAsync(User, ArrangementId, tracking) is not { } arrangement)
        {
            return false;
        }
        Arrangement = arrangement;
        var latest = db.SuitabilityDecisions.Where(d => d.ArrangementId == arrangement.Id).OrderByDescending(d => d.RecordedAt);
        Latest = await (tracking ? latest : latest.AsNoTracking()).FirstOrDefaultAsync();
        CannotAsk = ReconsiderationRules.CanAsk(Latest);
        OpenTask = await db.Tasks.AsNoTracking()
            .Where(t => t.ArrangementId == arrangement.Id && t.Kind == TaskKind.Reconsideration && t.CompletedOn == null)
            .OrderBy(t => t.DueOn).FirstOrDefaultAsync();
        TeamName = await db.People.Where(p => p.Id == arrangement.PersonId)
            .Join(db.Teams, p => p.TeamId, t => t.Id, (p, t) => t.Name).SingleOrDefaultAsync() ?? TeamName;
        return true;
    }
}
