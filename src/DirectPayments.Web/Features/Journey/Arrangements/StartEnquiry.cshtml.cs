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
/// A practitioner starts a direct payment enquiry for a person, from their record, and can book the
/// home visit in the same form. A person has one direct payment at a time.
/// </summary>
[Authorize(Policy = Policies.ManageJourney)]
public sealed class StartEnquiryModel(DpDbContext db, JourneyActions journey) : PageModel
{
    /// <summary>Who can be asking, as a practitioner records it; enquiries from case systems come through the API.</summary>
    public static readonly IReadOnlyList<EnquiryChannel> Channels = [EnquiryChannel.Person, EnquiryChannel.Representative, EnquiryChannel.Practitioner];

    [FromRoute] public Guid PersonId { get; set; }

    [BindProperty] public LegalRoute? Route { get; set; }

    [BindProperty] public EnquiryChannel? Channel { get; set; }

    [BindProperty] public string? Notes { get; set; }

    [BindProperty, Display(Name = "Date of the home visit")] public DateOnly? HomeVisitOn { get; set; }

    public Person Person { get; private set; } = null!;

    /// <summary>The person's direct payment that has not ended, if there is one.</summary>
    public (Guid Id, string Reference, Stage Stage)? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Route ??= EnquiryRules.DefaultRoute(Person, journey.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (Existing is { } existing)
        {
            ModelState.AddModelError(nameof(Existing), EnquiryRules.AlreadyOpen(Person.GivenName, existing.Stage));
        }
        if (Route is null)
        {
            ModelState.Remove(nameof(Route));
            ModelState.AddModelError(nameof(Route), "Select the law the direct payment would be made under");
        }
        if (Channel is null || !Channels.Contains(Channel.Value))
        {
            ModelState.Remove(nameof(Channel));
            ModelState.AddModelError(nameof(Channel), "Select who is asking for a direct payment");
        }
        if (Notes is { Length: > EnquiryRules.NotesMaximumLength })
        {
            ModelState.AddModelError(nameof(Notes), "What they would like help with must be 4,000 characters or fewer");
        }
        if (ModelState.GetFieldValidationState(nameof(HomeVisitOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            foreach (var error in EnquiryRules.ValidateVisit(nameof(HomeVisitOn), HomeVisitOn, journey.Today, required: false))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var person = await db.People.SingleAsync(p => p.Id == Person.Id);
        var arrangement = journey.StartEnquiry(person, Channel!.Value, Route!.Value, Notes, Who.From(User));
        if (User.AppRole() == Role.Practitioner)
        {
            arrangement.PractitionerId = User.UserId();
        }
        if (HomeVisitOn is { } visit)
        {
            await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, visit, "Booked when the enquiry was started.", bookedFor: visit);
        }
        await db.SaveChangesAsync();
        TempData["Success"] = HomeVisitOn is null ? "Enquiry started" : "Enquiry started and home visit booked";
        return Redirect($"/arrangements/{arrangement.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var person = await db.FindVisiblePersonAsync(User, PersonId);
        if (person is null)
        {
            return false;
        }
        Person = person;
        var open = await db.Arrangements.AsNoTracking().Where(a => a.PersonId == person.Id && a.Stage != Stage.Ended)
            .OrderByDescending(a => a.CreatedAt).Select(a => new { a.Id, a.Reference, a.Stage }).FirstOrDefaultAsync();
        Existing = open is null ? null : (open.Id, open.Reference, open.Stage);
        return true;
    }
}
