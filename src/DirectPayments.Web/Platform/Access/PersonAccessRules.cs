using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Access;

/// <summary>
/// Which people's records a signed-in user is connected to: a person sees their own record and those
/// they represent, a practitioner their team's caseload, and support, finance, managers and
/// administrators the whole council's. The council filter applies underneath all of this.
/// </summary>
public static class PersonAccessRules
{
    /// <summary>The people this user may see, as a query to refine further.</summary>
    public static IQueryable<Person> VisiblePeople(this DpDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId() ?? Guid.Empty;
        var team = user.TeamId();
        return user.AppRole() switch
        {
            Role.Person => db.People.Where(p => db.PersonAccess.Any(a => a.PersonId == p.Id && a.UserId == userId)),
            Role.Practitioner => team is { } t ? db.People.Where(p => p.TeamId == t) : db.People.Where(p => false),
            Role.SupportWorker or Role.FinanceOfficer or Role.Manager or Role.CouncilAdmin => db.People,
            Role.PersonalAssistant or Role.Commissioner or Role.Trainer or null => db.People.Where(p => false),
        };
    }

    /// <summary>The person's record if this user may see it; null means answer 404.</summary>
    public static Task<Person?> FindVisiblePersonAsync(this DpDbContext db, ClaimsPrincipal user, Guid personId, bool tracking = false)
    {
        var query = db.VisiblePeople(user).Where(p => p.Id == personId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }
}
