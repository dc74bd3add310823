using System.Text;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>
/// A confirmed run's payment file: the CSV for the finance system or the Bacs Standard 18 file. Each
/// download is audited. A Bacs file with bad bank details is refused with the reasons, never half-written.
/// </summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class DownloadModel(DpDbContext db, PaymentRuns runs) : PageModel
{
    [FromRoute] public Guid RunId { get; set; }

    [FromRoute] public string Format { get; set; } = "";

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RunId);
        if (run is null || run.Status != PaymentRunStatus.Confirmed)
        {
            return NotFound();
        }
        var lines = await runs.FileLinesAsync(run);
        byte[] content;
        string type;
        string name;
        if (Format == "csv")
        {
            content = PaymentRuns.Csv(lines);
            (type, name) = ("text/csv; charset=utf-8", $"{run.Reference}.csv");
        }
        else
        {
            var outcome = await runs.BacsAsync(run, lines);
            if (outcome.Text is not { } text)
            {
                Problems = outcome.Problems;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            content = Encoding.ASCII.GetBytes(text);
            (type, name) = ("text/plain; charset=us-ascii", $"{run.Reference}.txt");
        }
        db.RecordAudit("payment-run.downloaded", nameof(PaymentRun), run.Id.ToString(), details: $"{Format} file, {lines.Count} lines");
        await db.SaveChangesAsync();
        return File(content, type, name);
    }
}
