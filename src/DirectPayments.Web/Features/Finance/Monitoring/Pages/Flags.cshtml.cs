using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>Open monitoring flags, each a supportive conversation to have, soonest due first (issue #4, item 6).</summary>
[Authorize(Policy = Policies.SupportConversations)]
public sealed class FlagsModel(DpDbContext db, MoneyActions money) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(Guid Id, FlagKind Kind, DateOnly RaisedOn, DateOnly? DueOn, string GivenName, string FamilyName, string Reference);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateOnly Today => money.Today;

    public async Task OnGetAsync()
    {
        FlagKind? kind = Enum.TryParse<FlagKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        Kind = kind?.ToString();
        var people = db.VisiblePeople(User).Select(p => p.Id);
        var query = from f in db.MoneyFlags.AsNoTracking()
                    where f.Status == FlagStatus.Open
                    join a in db.DpAccounts.AsNoTracking() on f.AccountId equals a.Id
                    where people.Contains(a.PersonId)
                    join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                    join t in db.Tasks.AsNoTracking() on f.TaskId equals t.Id into tasks
                    from t in tasks.DefaultIfEmpty()
                    select new { f, p, DueOn = (DateOnly?)t.DueOn };
        if (kind is { } chosen)
        {
            query = query.Where(x => x.f.Kind == chosen);
        }
        var page = Paging.Clamp(PageNumber);
        var total = await query.CountAsync();
        Rows = await query.OrderBy(x => x.DueOn).ThenBy(x => x.f.RaisedOn).ThenBy(x => x.f.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(x => new Row(x.f.Id, x.f.Kind, x.f.RaisedOn, x.DueOn, x.p.GivenName, x.p.FamilyName, x.p.Reference))
            .ToListAsync();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/money/flags?page={n}" + (Kind is null ? "" : "&Kind=" + Kind));
    }
}
