using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Arrangements;

/// <summary>Books a home visit: a task for the team, due on the day, which the person sees on their own page.</summary>
[Authorize(Policy = Policies.SetUpArrangement)]
public sealed class HomeVisitModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty, Display(Name = "Date of the home visit")] public DateOnly? VisitOn { get; set; }

    [BindProperty] public string? Notes { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (Arrangement.Stage == Stage.Ended)
        {
            ModelState.AddModelError(nameof(VisitOn), "This direct payment has ended, so you cannot book a visit for it");
            return Page();
        }
        if (ModelState.GetFieldValidationState(nameof(VisitOn)) != ModelValidationState.Invalid)
        {
            foreach (var error in EnquiryRules.ValidateVisit(nameof(VisitOn), VisitOn, journey.Today, required: true))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (Notes is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Notes), "Notes must be 2,000 characters or fewer");
        }
        if (!ModelState.IsValid || VisitOn is not { } visit)
        {
            return Page();
        }
        await journey.AddTaskAsync(Arrangement, TaskKind.HomeVisit, visit, string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(), bookedFor: visit);
        await db.SaveChangesAsync();
        TempData["Success"] = "Home visit booked for " + visit.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        return Redirect($"/arrangements/{Arrangement.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        return true;
    }
}
