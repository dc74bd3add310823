using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>The council's payment runs, newest first.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class IndexModel(DpDbContext db) : PageModel
{
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public IReadOnlyList<PaymentRun> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var page = Paging.Clamp(PageNumber);
        var total = await db.PaymentRuns.CountAsync();
        Rows = await db.PaymentRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/money/payment-runs?page={n}");
    }
}
