using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.People;

/// <summary>A person's record. Every view is written to the audit trail, so the person can see who looked.</summary>
[Authorize(Policy = Policies.OpenPersonRecord)]
public sealed class PersonModel(DpDbContext db, TimeProvider clock) : PageModel
{
    public Person Record { get; private set; } = null!;

    public string? TeamName { get; private set; }

    public int Age => Record.AgeOn(clock.TodayInEngland());

    public bool CanEdit => Policies.RolePolicies[Policies.EditPersonContact].Contains(User.AppRole() ?? Role.Person);

    public bool CanSeeViews => Policies.RolePolicies[Policies.SeeRecordViews].Contains(User.AppRole() ?? Role.Person);

    public bool CanStartEnquiry => Policies.RolePolicies[Policies.ManageJourney].Contains(User.AppRole() ?? Role.Person);

    public sealed record ArrangementRow(Guid Id, string Reference, Stage Stage, DateOnly EnquiryOn);

    public IReadOnlyList<ArrangementRow> Arrangements { get; private set; } = [];

    public bool CanList => Policies.RolePolicies[Policies.ListPeople].Contains(User.AppRole() ?? Role.Person);

    public async Task<IActionResult> OnGetAsync(Guid personId)
    {
        var person = await db.FindVisiblePersonAsync(User, personId);
        if (person is null)
        {
            return NotFound();
        }
        Record = person;
        TeamName = person.TeamId is { } team ? await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync() : null;
        Arrangements = await db.Arrangements.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.CreatedAt)
            .Select(a => new ArrangementRow(a.Id, a.Reference, a.Stage, a.EnquiryOn)).ToListAsync();
        db.RecordAudit("person.viewed", nameof(Person), person.Id.ToString(), person.Id);
        await db.SaveChangesAsync();
        return Page();
    }
}
