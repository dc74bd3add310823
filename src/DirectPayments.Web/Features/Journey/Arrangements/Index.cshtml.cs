using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Arrangements;

/// <summary>
/// The caseload: the arrangements this member of staff may see (a practitioner's team, or the whole
/// council), filtered by stage, overdue tasks and name or reference, 25 to a page.
/// </summary>
[Authorize(Policy = Policies.ListArrangements)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [BindProperty(Name = "stage", SupportsGet = true)] public string? StageFilter { get; set; }

    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(Guid Id, string Reference, string PersonReference, string GivenName, string FamilyName,
        Stage Stage, DateTime StageChangedAt, DateOnly? NextTaskDue, string? Practitioner);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateOnly Today => journey.Today;

    public bool Filtered => StageFilter is not null || Overdue || !string.IsNullOrEmpty(Search);

    public int DaysAtStage(Row row) => Today.DayNumber - DateOnly.FromDateTime(EnglandClock.ToEnglandTime(row.StageChangedAt)).DayNumber;

    public async Task OnGetAsync()
    {
        var today = journey.Today;
        var query = journey.VisibleArrangements(User).AsNoTracking();
        Stage? stage = Enum.TryParse<Stage>(StageFilter, out var s) && Enum.IsDefined(s) ? s : null;
        StageFilter = stage?.ToString();
        if (stage is { } chosen)
        {
            query = query.Where(a => a.Stage == chosen);
        }
        if (Overdue)
        {
            query = query.Where(a => db.Tasks.Any(t => t.ArrangementId == a.Id && t.CompletedOn == null && t.DueOn < today));
        }
        var joined = query.Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a, p });
        Search = Search?.Trim();
        if (!string.IsNullOrEmpty(Search))
        {
            var term = Search.ToUpperInvariant();
            joined = joined.Where(x => x.a.Reference.ToUpper() == term || x.p.Reference.ToUpper() == term
                || x.p.FamilyName.ToUpper().StartsWith(term) || x.p.GivenName.ToUpper().StartsWith(term)
                || (x.p.GivenName + " " + x.p.FamilyName).ToUpper().StartsWith(term));
        }
        var page = Paging.Clamp(PageNumber);
        var total = await joined.CountAsync();
        Rows = await joined.OrderBy(x => x.p.FamilyName).ThenBy(x => x.p.GivenName).ThenBy(x => x.a.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(x => new Row(x.a.Id, x.a.Reference, x.p.Reference, x.p.GivenName, x.p.FamilyName, x.a.Stage, x.a.StageChangedAt,
                db.Tasks.Where(t => t.ArrangementId == x.a.Id && t.CompletedOn == null).Min(t => (DateOnly?)t.DueOn),
                db.Users.Where(u => u.Id == x.a.PractitionerId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync();
        var filters = QueryString();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/arrangements?page={n}{filters}");
    }

    private string QueryString()
    {
        var parts = new List<string>();
        if (StageFilter is not null)
        {
            parts.Add("stage=" + Uri.EscapeDataString(StageFilter));
        }
        if (Overdue)
        {
            parts.Add("Overdue=true");
        }
        if (!string.IsNullOrEmpty(Search))
        {
            parts.Add("Search=" + Uri.EscapeDataString(Search));
        }
        return string.Concat(parts.Select(p => "&" + p));
    }
}
