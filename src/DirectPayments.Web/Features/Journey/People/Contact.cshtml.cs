using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.People;

/// <summary>Changes a person's contact details, with a reason that goes into the audit trail. Two people editing at once cannot overwrite each other.</summary>
[Authorize(Policy = Policies.EditPersonContact)]
public sealed class ContactModel(DpDbContext db) : PageModel
{
    [FromRoute] public Guid PersonId { get; set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? AddressLine1 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await db.FindVisiblePersonAsync(User, PersonId);
        if (person is null)
        {
            return NotFound();
        }
        PersonName = person.FullName;
        (Email, Phone, AddressLine1, Town, Postcode, Version) = (person.Email, person.Phone, person.AddressLine1, person.Town, person.Postcode, person.Version);
        db.RecordAudit("person.viewed", nameof(Person), person.Id.ToString(), person.Id, details: "Contact details form");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await db.FindVisiblePersonAsync(User, PersonId, tracking: true);
        if (person is null)
        {
            return NotFound();
        }
        PersonName = person.FullName;
        foreach (var error in ContactDetails.Validate(Email, Phone, Postcode, Reason, requireReason: true))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (person.Version != Version)
        {
            ModelState.AddModelError(nameof(Email), "Someone else changed these details while you were editing. Check the details below, which are now up to date, and save again");
            (Email, Phone, AddressLine1, Town, Postcode, Version) = (person.Email, person.Phone, person.AddressLine1, person.Town, person.Postcode, person.Version);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ContactDetails.Apply(person, Email, Phone, AddressLine1, Town, Postcode);
        db.Actor.Reason = Reason!.Trim();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Email), "Someone else changed these details while you were editing. Reload the page and try again");
            return Page();
        }
        TempData["Success"] = "Contact details saved";
        return Redirect($"/people/{person.Id}");
    }
}
