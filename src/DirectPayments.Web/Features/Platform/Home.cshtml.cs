using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform;

/// <summary>Each role's home page: what they can do here, starting with what matters most to them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeModel(DpDbContext db) : PageModel
{
    public Role Role { get; private set; }

    public string RoleLabel => Role.Label();

    public string DisplayName { get; private set; } = "";

    public string CouncilName { get; private set; } = "";

    public int CaseloadCount { get; private set; }

    public bool IsOrganisationStaff { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, string Relationship)> Records { get; private set; } = [];

    public string CaseloadDescription => Role == Role.Practitioner
        ? "Your team's caseload: the people whose direct payments your team works on."
        : "Everyone in the council who has, or is thinking about, a direct payment.";

    public async Task OnGetAsync()
    {
        Role = User.AppRole() ?? Role.Person;
        DisplayName = User.Identity?.Name ?? "";
        IsOrganisationStaff = User.IsOrganisationStaff();
        var councilId = User.CouncilId();
        CouncilName = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleOrDefaultAsync() ?? "";
        CaseloadCount = Role == Role.Commissioner ? await db.People.CountAsync() : await db.VisiblePeople(User).CountAsync();
        if (Role == Role.Person)
        {
            var userId = User.UserId();
            var rows = await db.PersonAccess.AsNoTracking().Where(a => a.UserId == userId)
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { p.Id, p.GivenName, p.FamilyName, a.Relationship })
                .ToListAsync();
            Records = [.. rows.Select(r => (r.Id, $"{r.GivenName} {r.FamilyName}", r.Relationship == Relationship.Self ? "your own record" : r.Relationship.Label()))];
        }
    }
}
