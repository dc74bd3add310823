using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Tasks;

/// <summary>One task: what it is, and a form to record that it was done and what happened. A review is recorded on its own page.</summary>
[Authorize(Policy = Policies.SetUpArrangement)]
public sealed class CompleteModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [FromRoute] public Guid TaskId { get; set; }

    [BindProperty, Display(Name = "Date it was done")] public DateOnly? DoneOn { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public CaseTask Item { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public DateOnly Today => journey.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        // A supportive conversation is recorded on its flag's page, with the facts and the outcome form.
        if (Item.Kind == TaskKind.SupportiveConversation
            && await db.MoneyFlags.Where(f => f.TaskId == Item.Id).Select(f => (Guid?)f.Id).FirstOrDefaultAsync() is { } flagId)
        {
            return Redirect($"/money/flags/{flagId}");
        }
        DoneOn ??= journey.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (!Item.IsOpen)
        {
            ModelState.AddModelError(nameof(Outcome), "This task has already been done");
            return Page();
        }
        if (Item.Kind == TaskKind.Review)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/reviews/new?taskId={Item.Id}");
        }
        foreach (var error in TaskCompletionRules.Validate(DoneOn, Outcome, journey.Today)
            .Where(e => e.Field != nameof(DoneOn) || ModelState.GetFieldValidationState(nameof(DoneOn)) != ModelValidationState.Invalid))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await journey.CompleteTaskAsync(Arrangement, Item, DoneOn!.Value, Outcome!, Who.From(User));
        await db.SaveChangesAsync();
        TempData["Success"] = $"{Item.Kind.Label()} recorded as done";
        return Redirect($"/arrangements/{Arrangement.Id}");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return false;
        }
        var query = db.Tasks.Where(t => t.Id == TaskId && t.ArrangementId == arrangement.Id);
        var task = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        if (task is null)
        {
            return false;
        }
        (Arrangement, Item) = (arrangement, task);
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        return true;
    }
}
