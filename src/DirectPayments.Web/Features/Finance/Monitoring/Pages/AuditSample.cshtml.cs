using DirectPayments.Data;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>This month's audit sample, each account's score and reasons, and its findings (issue #4, item 7).</summary>
[Authorize(Policy = Policies.EditMonitoringSettings)]
public sealed class AuditSampleModel(DpDbContext db, MoneyActions money) : PageModel
{
    [BindProperty] public Guid SampleId { get; set; }

    [BindProperty] public string? Findings { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(Guid Id, Guid AccountId, string Reference, string GivenName, string FamilyName, int Score, string Reasons, DateOnly? AuditedOn, string? Findings);

    public DateOnly Month => new(money.Today.Year, money.Today.Month, 1);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var sample = await db.AuditSamples.SingleOrDefaultAsync(s => s.Id == SampleId);
        if (sample is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Findings))
        {
            ModelState.AddModelError($"Findings-{SampleId}", "Enter what the audit found");
        }
        else if (Findings.Length > 4000)
        {
            ModelState.AddModelError($"Findings-{SampleId}", "Findings must be 4,000 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        sample.Findings = Findings!.Trim();
        sample.AuditedOn = money.Today;
        await db.SaveChangesAsync();
        TempData["Success"] = "Audit findings recorded";
        return Redirect("/money/audit-sample");
    }

    private async Task LoadAsync()
    {
        var month = Month;
        var query = from s in db.AuditSamples.AsNoTracking()
                    where s.Month == month
                    join a in db.DpAccounts.AsNoTracking() on s.AccountId equals a.Id
                    join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                    select new { s, a, p };
        var page = Paging.Clamp(PageNumber);
        var total = await query.CountAsync();
        Rows = await query.OrderByDescending(x => x.s.Score).ThenBy(x => x.a.Reference)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize)
            .Select(x => new Row(x.s.Id, x.a.Id, x.a.Reference, x.p.GivenName, x.p.FamilyName, x.s.Score, x.s.Reasons, x.s.AuditedOn, x.s.Findings))
            .ToListAsync();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/money/audit-sample?page={n}");
    }
}
