using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>One payment run: a draft to check and confirm, or a confirmed run with its files.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class RunModel(DpDbContext db, PaymentRuns runs) : PageModel
{
    [FromRoute] public Guid RunId { get; set; }

    [BindProperty] public int? ExpectedLines { get; set; }

    [BindProperty] public long? ExpectedTotalPence { get; set; }

    public PaymentRun Run { get; private set; } = null!;

    public RunPlan? Plan { get; private set; }

    public IReadOnlyList<Domain.Finance.Payments.PaymentFileLine> Paid { get; private set; } = [];

    public string? ConfirmedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var outcome = await runs.ConfirmAsync(RunId, Who.From(User), ExpectedLines, ExpectedTotalPence is { } p ? new Money(p) : null);
        if (outcome.Refusal is { } refusal)
        {
            await LoadAsync();
            ModelState.AddModelError("Confirm", refusal);
            return Page();
        }
        TempData["Success"] = $"Payment run {outcome.Run!.Reference} confirmed: {outcome.Run.LineCount} payments, {new Money(outcome.Run.TotalPence)} in all. Download the file below";
        return Redirect($"/money/payment-runs/{RunId}");
    }

    private async Task<bool> LoadAsync()
    {
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RunId);
        if (run is null)
        {
            return false;
        }
        Run = run;
        if (run.Status == PaymentRunStatus.Confirmed)
        {
            Paid = await runs.FileLinesAsync(run);
            var id = run.Id.ToString();
            var confirmedBy = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "payment-run.confirmed" && e.RecordId == id)
                .Select(e => new { e.ActorUserId, e.Actor }).FirstOrDefaultAsync();
            ConfirmedBy = confirmedBy?.ActorUserId is { } userId
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync()
                : confirmedBy is null ? null : "The system";
            Plan = null;
        }
        else
        {
            Plan = await runs.PlanAsync(run.PayOn);
        }
        return true;
    }
}
