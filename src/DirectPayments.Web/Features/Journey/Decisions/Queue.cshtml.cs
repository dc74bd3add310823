using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>
/// A manager's funding decisions: the proposals waiting (oldest first), the latest decisions with
/// those that overturned the proposal marked, and the overturn rate over the last 12 months.
/// </summary>
[Authorize(Policy = Policies.DecideFunding)]
public sealed class QueueModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public const int RecentCount = 25;

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Waiting(Guid ArrangementId, string Reference, string PersonName, long ProposedWeeklyPence, long? IndicativeWeeklyPence, string ProposedBy, int DaysWaiting, bool IsOwn);

    public sealed record Decided(Guid ArrangementId, string Reference, string PersonName, long ProposedWeeklyPence, long? DecidedWeeklyPence, FundingOutcome Outcome, string? DecidedBy, bool ByPanel, DateTime? DecidedAt)
    {
        public bool IsOverturn => Outcome is FundingOutcome.ApprovedDifferentAmount or FundingOutcome.ReturnedForChanges;
    }

    public IReadOnlyList<Waiting> Queue { get; private set; } = [];

    public IReadOnlyList<Decided> Recent { get; private set; } = [];

    public OverturnRate Rate { get; private set; } = new(0, 0);

    public DateOnly RateSince { get; private set; }

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = journey.Today;
        var me = Who.From(User).UserId;
        var visible = journey.VisibleArrangements(User);
        var rows = from d in db.FundingDecisions.AsNoTracking()
                   join a in visible on d.ArrangementId equals a.Id
                   join p in db.People on a.PersonId equals p.Id
                   select new { d, a.Reference, a.Stage, Name = p.GivenName + " " + p.FamilyName };

        var waiting = rows.Where(r => r.d.Outcome == null && r.Stage == Stage.FundingDecision);
        var page = Paging.Clamp(PageNumber);
        var total = await waiting.CountAsync();
        var pageRows = await waiting.OrderBy(r => r.d.ProposedAt).ThenBy(r => r.d.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(r => new { r.d.ArrangementId, r.Reference, r.Name, r.d.ProposedWeeklyPence, r.d.IndicativeWeeklyPence, r.d.ProposedByName, r.d.ProposedByUserId, r.d.ProposedAt })
            .ToListAsync();
        Queue = [.. pageRows.Select(r => new Waiting(r.ArrangementId, r.Reference, r.Name, r.ProposedWeeklyPence, r.IndicativeWeeklyPence, r.ProposedByName,
            FundingMeasures.DaysWaiting(r.ProposedAt.EnglandDate(), today), me is not null && r.ProposedByUserId == me))];
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/funding-decisions?page={n}");

        Recent = await rows.Where(r => r.d.Outcome != null).OrderByDescending(r => r.d.DecidedAt).ThenByDescending(r => r.d.Id).Take(RecentCount)
            .Select(r => new Decided(r.d.ArrangementId, r.Reference, r.Name, r.d.ProposedWeeklyPence, r.d.DecidedWeeklyPence, r.d.Outcome!.Value, r.d.DecidedByName, r.d.ByPanel, r.d.DecidedAt))
            .ToListAsync();

        RateSince = today.AddMonths(-12);
        var since = journey.Now.AddMonths(-12);
        var outcomes = await db.FundingDecisions.AsNoTracking().Where(d => d.Outcome != null && d.DecidedAt >= since).Select(d => d.Outcome).ToListAsync();
        Rate = FundingMeasures.OverturnRate(outcomes);
    }
}
