using DirectPayments.Data;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>One version of the agreement, read-only: earlier versions are kept exactly as they were signed.</summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class VersionModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [FromRoute] public int Version { get; set; }

    public AgreementDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null || await AgreementDocument.LoadAsync(db, arrangement, Version) is not { } document)
        {
            return NotFound();
        }
        Document = document;
        db.RecordAudit("agreement.viewed", nameof(Domain.Journey.AgreementVersion), document.Agreement.Id.ToString(), arrangement.PersonId,
            details: $"Version {Version}");
        await db.SaveChangesAsync();
        return Page();
    }
}
