using DirectPayments.Data;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>
/// One version of the agreement as a tagged, accessible PDF, made by Chromium from the print version.
/// Where Chromium is not available, a page says so (503) and links to the print version instead.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class PdfModel(DpDbContext db, JourneyActions journey, IPdfRenderer pdf) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [FromRoute] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null || await AgreementDocument.LoadAsync(db, arrangement, Version) is not { } document)
        {
            return NotFound();
        }
        byte[] bytes;
        try
        {
            bytes = await pdf.RenderAsync(document.ToPrintHtml(), cancellationToken);
        }
        catch (PdfUnavailableException)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        db.RecordAudit("agreement.downloaded", nameof(Domain.Journey.AgreementVersion), document.Agreement.Id.ToString(), arrangement.PersonId,
            details: $"Version {Version} as PDF");
        await db.SaveChangesAsync(cancellationToken);
        return File(bytes, "application/pdf", document.FileName);
    }
}
