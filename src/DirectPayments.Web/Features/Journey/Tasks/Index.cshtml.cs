using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Tasks;

/// <summary>
/// The team's tasks, soonest due first, with overdue ones marked. Practitioners and managers see their
/// team's; the support service sees the set-up and employer tasks across the council.
/// </summary>
[Authorize(Policy = Policies.SetUpArrangement)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey) : PageModel
{
    /// <summary>The tasks the direct payment support service does.</summary>
    public static readonly IReadOnlyList<TaskKind> SupportServiceKinds =
        [TaskKind.SignUpVisit, TaskKind.ReferToSupportService, TaskKind.EmployerChecklist, TaskKind.SixWeekCheck, TaskKind.SupportiveConversation];

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(Guid Id, Guid ArrangementId, TaskKind Kind, DateOnly DueOn, DateOnly? BookedFor, DateOnly? CompletedOn,
        string GivenName, string FamilyName, string Reference);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateOnly Today => journey.Today;

    public IReadOnlyList<TaskKind> Kinds => User.AppRole() == Role.SupportWorker ? SupportServiceKinds : Enum.GetValues<TaskKind>();

    public async Task OnGetAsync()
    {
        var today = journey.Today;
        Show = Show is "overdue" or "done" ? Show : "open";
        TaskKind? kind = Enum.TryParse<TaskKind>(Kind, out var k) && Kinds.Contains(k) ? k : null;
        Kind = kind?.ToString();
        var people = db.VisiblePeople(User).Select(p => p.Id);
        var query = db.Tasks.AsNoTracking().Where(t => people.Contains(t.PersonId));
        if (User.AppRole() == Role.SupportWorker)
        {
            var kinds = SupportServiceKinds.ToList();
            query = query.Where(t => kinds.Contains(t.Kind));
        }
        else if (User.TeamId() is { } team)
        {
            query = query.Where(t => t.TeamId == team);
        }
        if (kind is { } chosen)
        {
            query = query.Where(t => t.Kind == chosen);
        }
        query = Show switch
        {
            "overdue" => query.Where(t => t.CompletedOn == null && t.DueOn < today),
            "done" => query.Where(t => t.CompletedOn != null),
            _ => query.Where(t => t.CompletedOn == null),
        };
        var joined = query.Join(db.People, t => t.PersonId, p => p.Id, (t, p) => new { t, p });
        var ordered = Show == "done"
            ? joined.OrderByDescending(x => x.t.CompletedOn).ThenBy(x => x.t.Id)
            : joined.OrderBy(x => x.t.DueOn).ThenBy(x => x.t.Id);
        var page = Paging.Clamp(PageNumber);
        var total = await joined.CountAsync();
        Rows = await ordered.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(x => new Row(x.t.Id, x.t.ArrangementId, x.t.Kind, x.t.DueOn, x.t.BookedFor, x.t.CompletedOn, x.p.GivenName, x.p.FamilyName, x.p.Reference))
            .ToListAsync();
        var filters = $"&Show={Show}" + (Kind is null ? "" : "&Kind=" + Kind);
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/tasks?page={n}{filters}");
    }
}
