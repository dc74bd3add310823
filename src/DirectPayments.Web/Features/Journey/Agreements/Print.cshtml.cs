using DirectPayments.Data;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>
/// A print-friendly page of one version with its signatures and full hash: the same self-contained HTML
/// the PDF is made from, so the printout and the PDF always match.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class PrintModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [FromRoute] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null || await AgreementDocument.LoadAsync(db, arrangement, Version) is not { } document)
        {
            return NotFound();
        }
        db.RecordAudit("agreement.printed", nameof(Domain.Journey.AgreementVersion), document.Agreement.Id.ToString(), arrangement.PersonId,
            details: $"Version {Version}, print version");
        await db.SaveChangesAsync();
        Response.Headers.ContentSecurityPolicy = AgreementDocument.PrintContentSecurityPolicy;
        return Content(document.ToPrintHtml(backHref: $"/arrangements/{arrangement.Id}/agreement/{Version}"), "text/html; charset=utf-8");
    }
}
