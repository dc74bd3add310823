using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Reviews;

/// <summary>One review as recorded, for the person and the staff working with them.</summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class ReviewModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public Review Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid arrangementId, Guid reviewId)
    {
        var arrangement = await journey.FindVisibleAsync(User, arrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId && r.ArrangementId == arrangement.Id);
        if (review is null)
        {
            return NotFound();
        }
        Arrangement = arrangement;
        Record = review;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        db.RecordAudit("review.viewed", nameof(Review), review.Id.ToString(), arrangement.PersonId);
        await db.SaveChangesAsync();
        return Page();
    }
}
