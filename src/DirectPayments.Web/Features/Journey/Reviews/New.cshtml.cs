using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey.Plans;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Reviews;

/// <summary>
/// Records a review with the person: what is working, what is not, and what changes. A full review
/// restarts the review clock with the next review task; a review can start a new version of the plan.
/// </summary>
[Authorize(Policy = Policies.ManageJourney)]
public sealed class NewModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public const string Full = "full";

    public const string LightTouch = "light-touch";

    [FromRoute] public Guid ArrangementId { get; set; }

    /// <summary>The open review or visit task this review was started from, if any.</summary>
    [BindProperty(SupportsGet = true)] public Guid? TaskId { get; set; }

    [BindProperty, Display(Name = "Date the review was held")] public DateOnly? HeldOn { get; set; }

    [BindProperty] public string? ReviewType { get; set; }

    [BindProperty] public string? WhatIsWorking { get; set; }

    [BindProperty] public string? WhatIsNotWorking { get; set; }

    [BindProperty] public string? ChangesAgreed { get; set; }

    [BindProperty] public bool NewPlanNeeded { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public CaseTask? FromTask { get; private set; }

    public Refusal? StageRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        db.RecordAudit("arrangement.viewed", nameof(Arrangement), Arrangement.Id.ToString(), Arrangement.PersonId, details: "Record a review");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (StageRefusal is { } refusal)
        {
            ModelState.AddModelError("Stage", refusal.Message);
            return Page();
        }
        bool? isFull = ReviewType switch
        {
            Full => true,
            LightTouch => false,
            _ => null,
        };
        var dateRejected = ModelState.Where(e => e.Key == nameof(HeldOn) || e.Key.StartsWith(nameof(HeldOn) + ".", StringComparison.Ordinal))
            .Any(e => e.Value is { Errors.Count: > 0 });
        foreach (var error in ReviewRules.Validate(HeldOn, isFull, WhatIsWorking, WhatIsNotWorking, ChangesAgreed, journey.Today))
        {
            if (error.Field != nameof(HeldOn) || !dateRejected)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var heldOn = HeldOn!.Value;
        var full = isFull!.Value;
        var who = Who.From(User);
        var review = new Review
        {
            Id = journey.NewId(),
            CouncilId = Arrangement.CouncilId,
            ArrangementId = Arrangement.Id,
            TaskId = FromTask?.Id,
            HeldOn = heldOn,
            IsFullReview = full,
            WhatIsWorking = WhatIsWorking!.Trim(),
            WhatIsNotWorking = WhatIsNotWorking!.Trim(),
            ChangesAgreed = string.IsNullOrWhiteSpace(ChangesAgreed) ? null : ChangesAgreed.Trim(),
            NewPlanNeeded = NewPlanNeeded,
            RecordedByUserId = who.UserId,
            RecordedByName = who.Name,
            RecordedAt = journey.Now,
        };
        db.Reviews.Add(review);

        var completing = FromTask is { } t && ReviewRules.CompletesTask(t.Kind, full) ? t : null;
        if (completing is not null)
        {
            await journey.CompleteTaskAsync(Arrangement, completing, heldOn, full ? "Full review held" : "Light-touch review held", who);
        }
        var openReview = await db.Tasks.AnyAsync(x => x.ArrangementId == Arrangement.Id && x.Kind == TaskKind.Review && x.CompletedOn == null
            && (completing == null || x.Id != completing.Id));
        if (ReviewRules.NextReviewDue(heldOn, full, Arrangement.ReviewIntervalMonths, openReview) is { } due)
        {
            await journey.AddTaskAsync(Arrangement, TaskKind.Review, due, $"Next review: within {Math.Min(Arrangement.ReviewIntervalMonths, TaskRules.MaximumReviewIntervalMonths)} months of the full review held on {Show.Date(heldOn)}.");
        }

        SupportPlan? newPlan = null;
        if (NewPlanNeeded)
        {
            var current = await journey.CurrentPlanAsync(Arrangement.Id, tracking: true);
            newPlan = current switch
            {
                null => PlanVersions.StartFirst(db, journey, Arrangement),
                { Status: PlanStatus.Agreed } => PlanVersions.StartNext(db, journey, current),
                _ => null,
            };
        }
        db.Actor.Reason = full ? "Full review recorded" : "Light-touch review recorded";
        await db.SaveChangesAsync();

        if (NewPlanNeeded)
        {
            TempData["Success"] = newPlan is null
                ? "Review recorded. The plan already has a draft version: change it below"
                : $"Review recorded. Version {newPlan.Version} of the plan has been started: change it below";
            return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
        }
        TempData["Success"] = "Review recorded";
        return Redirect($"/arrangements/{Arrangement.Id}/reviews/{review.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        if (TaskId is { } taskId)
        {
            FromTask = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId && t.ArrangementId == arrangement.Id && t.CompletedOn == null
                && (t.Kind == TaskKind.Review || t.Kind == TaskKind.ChildVisit));
            if (FromTask is null)
            {
                return false;
            }
        }
        else
        {
            // A review recorded from the overview answers the review that is due, so a full one completes its task.
            FromTask = await db.Tasks.Where(t => t.ArrangementId == arrangement.Id && t.CompletedOn == null && t.Kind == TaskKind.Review)
                .OrderBy(t => t.DueOn).FirstOrDefaultAsync();
        }
        StageRefusal = ReviewRules.CanRecord(arrangement.Stage);
        return true;
    }
}
