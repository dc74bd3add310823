using DirectPayments.Data;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.People;

/// <summary>The people a member of staff may see, searchable and 25 to a page. Listing names is not opening a record, so it is not audited per person.</summary>
[Authorize(Policy = Policies.ListPeople)]
public sealed class IndexModel(DpDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(Guid Id, string Reference, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Town);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.VisiblePeople(User).AsNoTracking();
        Search = Search?.Trim();
        if (!string.IsNullOrEmpty(Search))
        {
            var term = Search.ToUpperInvariant();
            query = query.Where(p => p.Reference.ToUpper() == term
                || p.FamilyName.ToUpper().StartsWith(term)
                || p.GivenName.ToUpper().StartsWith(term)
                || (p.GivenName + " " + p.FamilyName).ToUpper().StartsWith(term));
        }
        var page = Paging.Clamp(PageNumber);
        var total = await query.CountAsync();
        Rows = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(p => new Row(p.Id, p.Reference, p.GivenName, p.FamilyName, p.DateOfBirth, p.Town))
            .ToListAsync();
        var search = Search;
        Paging = new Paging(page, Paging.DefaultPageSize, total,
            n => $"/people?page={n}" + (string.IsNullOrEmpty(search) ? "" : "&Search=" + Uri.EscapeDataString(search)));
    }
}
