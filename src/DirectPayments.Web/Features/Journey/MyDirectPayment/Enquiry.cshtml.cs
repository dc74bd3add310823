using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.MyDirectPayment;

/// <summary>
/// A person, or someone acting for them, asks about a direct payment. They first read what one is,
/// what it can pay for and what happens next, then tell us what they would like help with.
/// </summary>
[Authorize(Policy = Policies.PersonOnly)]
public sealed class EnquiryModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Text)> ContactOptions =
        [("phone", "By telephone"), ("email", "By email"), ("post", "By letter"), ("visit", "Visit me at home")];

    [BindProperty] public Guid? PersonId { get; set; }

    [BindProperty] public string? HelpWith { get; set; }

    [BindProperty] public string? WantsVisit { get; set; }

    [BindProperty, Display(Name = "Preferred date for the visit")] public DateOnly? PreferredDate { get; set; }

    [BindProperty] public string? ContactBy { get; set; }

    [BindProperty] public string? ContactDetails { get; set; }

    public sealed record Choice(Guid Id, string Name, string GivenName, Relationship Relationship, (Guid Id, Stage Stage)? Open);

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (People.Count == 1)
        {
            PersonId = People[0].Id;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var today = journey.Today;
        if (People.Count == 1)
        {
            PersonId = People[0].Id;
        }
        var choice = People.FirstOrDefault(p => p.Id == PersonId);
        ModelState.Remove(nameof(PersonId));
        if (choice is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Select who the direct payment would be for");
        }
        else if (choice.Open is { } open)
        {
            ModelState.AddModelError(nameof(PersonId), choice.Relationship == Relationship.Self
                ? EnquiryRules.AlreadyOpenForYou(open.Stage)
                : EnquiryRules.AlreadyOpen(choice.GivenName, open.Stage));
        }
        if (string.IsNullOrWhiteSpace(HelpWith))
        {
            ModelState.AddModelError(nameof(HelpWith), "Tell us what you would like help with");
        }
        else if (HelpWith.Length > EnquiryRules.NotesMaximumLength)
        {
            ModelState.AddModelError(nameof(HelpWith), "What you would like help with must be 4,000 characters or fewer");
        }
        if (WantsVisit is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(WantsVisit), "Select yes if you would like a home visit");
        }
        if (WantsVisit == "yes" && ModelState.GetFieldValidationState(nameof(PreferredDate)) != ModelValidationState.Invalid)
        {
            foreach (var error in EnquiryRules.ValidateVisit(nameof(PreferredDate), PreferredDate, today, required: false))
            {
                ModelState.AddModelError(error.Field, error.Message.Replace("The date of the home visit", "The date you would like the visit", StringComparison.Ordinal));
            }
        }
        else if (WantsVisit != "yes")
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(PreferredDate), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
            PreferredDate = null;
        }
        if (ContactOptions.All(o => o.Value != ContactBy))
        {
            ModelState.AddModelError(nameof(ContactBy), "Select how you would like us to contact you");
        }
        if (ContactDetails is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(ContactDetails), "Contact details must be 200 characters or fewer");
        }
        if (!ModelState.IsValid || choice is null)
        {
            return Page();
        }
        var person = await db.People.SingleAsync(p => p.Id == choice.Id);
        var contact = ContactOptions.Single(o => o.Value == ContactBy).Text.ToLowerInvariant()
            + (string.IsNullOrWhiteSpace(ContactDetails) ? "" : $" ({ContactDetails.Trim()})");
        var notes = $"{HelpWith!.Trim()}\n\nHow to contact them: {contact}.";
        var channel = choice.Relationship == Relationship.Self ? EnquiryChannel.Person : EnquiryChannel.Representative;
        var arrangement = journey.StartEnquiry(person, channel, EnquiryRules.DefaultRoute(person, today), notes, Who.From(User));
        if (WantsVisit == "yes")
        {
            var preferred = PreferredDate is { } date
                ? "They would like the visit on " + date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + "."
                : $"They would like a visit; arrange one within {EnquiryRules.HomeVisitWithinDays} days.";
            await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, EnquiryRules.HomeVisitDue(today, PreferredDate), preferred);
        }
        await db.SaveChangesAsync();
        TempData["Success"] = $"We have your enquiry. Your reference is {arrangement.Reference}. A practitioner will contact you within 5 working days";
        return Redirect("/my-direct-payment");
    }

    private async Task LoadAsync()
    {
        var userId = User.UserId() ?? Guid.Empty;
        var people = await db.PersonAccess.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { p.Id, p.GivenName, p.FamilyName, a.Relationship })
            .OrderBy(x => x.Relationship).ThenBy(x => x.GivenName).ToListAsync();
        var ids = people.Select(p => p.Id).ToList();
        var open = await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.Stage != Stage.Ended)
            .Select(a => new { a.PersonId, a.Id, a.Stage }).ToListAsync();
        People = [.. people.Select(p => new Choice(p.Id, $"{p.GivenName} {p.FamilyName}", p.GivenName, p.Relationship,
            open.FirstOrDefault(o => o.PersonId == p.Id) is { } o ? (o.Id, o.Stage) : null))];
    }
}
