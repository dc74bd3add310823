using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Arrangements;

/// <summary>
/// Ends a direct payment (RULES.md section 6): the person may stop at any time; the council gives
/// written reasons and notice. The journey then opens the final reconciliation and, where the person
/// employs a personal assistant, the task to end that employment properly.
/// </summary>
[Authorize(Policy = Policies.EndArrangement)]
public sealed class EndModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public EndingReason? PersonReason { get; set; }

    [BindProperty] public string? Words { get; set; }

    [BindProperty] public List<string> Confirm { get; set; } = [];

    [BindProperty] public EndingReason? Reason { get; set; }

    [BindProperty] public string? Reasons { get; set; }

    [BindProperty, Display(Name = "Date notice was given")] public DateOnly? NoticeGivenOn { get; set; }

    [BindProperty, Display(Name = "End date")] public DateOnly? EndsOn { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public bool IsPerson => User.AppRole() == Role.Person;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        Version = Arrangement.Version;
        NoticeGivenOn ??= journey.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (Arrangement.Stage == Stage.Ended)
        {
            return Page();
        }
        var today = journey.Today;
        string reasonText;
        if (IsPerson)
        {
            // The council's fields are not on the person's form: keep their binding out of it.
            foreach (var key in new[] { nameof(Reason), nameof(NoticeGivenOn), nameof(EndsOn) })
            {
                foreach (var entry in ModelState.FindKeysWithPrefix(key))
                {
                    ModelState.Remove(entry.Key);
                }
            }
            AddErrors(EndingRules.ValidatePersonEnding(PersonReason, Words, Confirm.Contains("yes")));
            if (!ModelState.IsValid)
            {
                return Page();
            }
            var why = PersonReason!.Value;
            reasonText = string.IsNullOrWhiteSpace(Words) ? why.PersonLabel() : $"{why.PersonLabel()}. {Words.Trim()}";
            (Arrangement.EndedBy, Arrangement.EndingReason, Arrangement.NoticeGivenOn, Arrangement.EndsOn) = (EndedBy.Person, why, today, today);
        }
        else
        {
            if (ModelState.IsValid)
            {
                AddErrors(EndingRules.ValidateCouncilEnding(Reason, Reasons, NoticeGivenOn, EndsOn, today));
            }
            else
            {
                // A date that is not real is already reported; report the other fields too.
                AddErrors(EndingRules.ValidateCouncilEnding(Reason, Reasons, NoticeGivenOn ?? today, EndsOn ?? DateOnly.MaxValue, today)
                    .Where(e => e.Field is not nameof(NoticeGivenOn) and not nameof(EndsOn)));
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
            reasonText = Reasons!.Trim();
            (Arrangement.EndedBy, Arrangement.EndingReason, Arrangement.NoticeGivenOn, Arrangement.EndsOn) = (EndedBy.Council, Reason, NoticeGivenOn, EndsOn);
        }
        if (Arrangement.Version != Version)
        {
            ModelState.AddModelError(IsPerson ? nameof(PersonReason) : nameof(Reason), "Someone else changed this direct payment while you were looking at it. Check the page and try again");
            Version = Arrangement.Version;
            return Page();
        }
        var refusal = await journey.MoveAsync(Arrangement, new MoveRequest(Stage.Ended, IsPerson ? Mover.Person : Mover.Council, reasonText), Who.From(User));
        if (refusal is not null)
        {
            ModelState.AddModelError(IsPerson ? nameof(PersonReason) : nameof(Reasons), refusal.Message);
            return Page();
        }
        db.Actor.Reason = reasonText;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(IsPerson ? nameof(PersonReason) : nameof(Reason), "Someone else changed this direct payment while you were looking at it. Go back and try again");
            return Page();
        }
        if (IsPerson)
        {
            TempData["Success"] = "Your direct payment has ended. We will be in touch about what happens next";
            return Redirect("/my-direct-payment");
        }
        TempData["Success"] = "The direct payment has ended";
        return Redirect($"/arrangements/{Arrangement.Id}");
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        return true;
    }
}
