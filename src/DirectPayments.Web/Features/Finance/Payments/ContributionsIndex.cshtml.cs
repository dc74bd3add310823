using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>Contributions expected against received for every account with one, furthest behind first.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class ContributionsIndexModel(Contributions contributions, MoneyActions money) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public DateOnly Today => money.Today;

    public IReadOnlyList<ContributionRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Sort = Sort == "name" ? "name" : "arrears";
        var all = await contributions.AllAsync(money.Today);
        var ordered = Sort == "name"
            ? all.OrderBy(r => r.PersonName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.PersonReference, StringComparer.Ordinal)
            : all.OrderByDescending(r => r.Position.Behind.Pence).ThenBy(r => r.PersonName, StringComparer.OrdinalIgnoreCase);
        var page = Paging.Clamp(PageNumber);
        Rows = [.. ordered.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)];
        Paging = new Paging(page, Paging.DefaultPageSize, all.Count, n => $"/money/contributions?sort={Sort}&page={n}");
    }
}
