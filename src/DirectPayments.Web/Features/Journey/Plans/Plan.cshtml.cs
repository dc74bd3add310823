using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>One earlier version of the plan, for the list of versions.</summary>
public sealed record PlanVersionSummary(int Version, PlanStatus Status, DateTime CreatedAt, DateTime? AgreedAt, string? AgreedByName);

/// <summary>A comment on the plan, with the version it was made on.</summary>
public sealed record PlanCommentView(int Version, string AuthorName, DateTime PostedAt, string Text);

/// <summary>
/// The support plan as the person and the practitioner read it: the latest version, the earlier ones,
/// comments, and the person agreeing it online (or a practitioner recording that they agreed it in person
/// or on paper). A practitioner starts the plan here.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class PlanModel(DpDbContext db, JourneyActions journey, IAuthorizationService authorization) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public string? CommentText { get; set; }

    [BindProperty] public bool AgreeConfirmed { get; set; }

    [BindProperty] public bool PersonAgreedConfirmed { get; set; }

    [BindProperty] public string? HowAgreed { get; set; }

    [BindProperty] public Guid PlanToken { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public SupportPlan? Plan { get; private set; }

    public Money? Indicative { get; private set; }

    public IReadOnlyList<PlanVersionSummary> EarlierVersions { get; private set; } = [];

    public IReadOnlyList<PlanCommentView> Comments { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool IsPerson => User.AppRole() == Role.Person;

    /// <summary>Why the plan cannot be changed or agreed at this stage, if it cannot.</summary>
    public Refusal? StageRefusal { get; private set; }

    /// <summary>Why this version cannot be agreed, if it cannot.</summary>
    public Refusal? AgreeRefusal => Plan is null ? null : PlanAgreementRules.CanAgree(Plan);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        db.RecordAudit("supportPlan.viewed", nameof(SupportPlan), Plan?.Id.ToString() ?? Arrangement.Id.ToString(), Arrangement.PersonId,
            details: Plan is null ? "No plan yet" : $"Version {Plan.Version}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (Plan is not null)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
        }
        if (StageRefusal is { } refusal)
        {
            ModelState.AddModelError("start", refusal.Message);
            return Page();
        }
        PlanVersions.StartFirst(db, journey, Arrangement);
        db.Actor.Reason = "Support plan started";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone else started it at the same moment: the unique version index kept one.
        }
        TempData["Success"] = "Support plan started. Write it with the person: their outcomes, in their own words, come first";
        return Redirect($"/arrangements/{Arrangement.Id}/plan/edit");
    }

    public async Task<IActionResult> OnPostCommentAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (Plan is null)
        {
            return NotFound();
        }
        foreach (var error in PlanAgreementRules.ValidateComment(CommentText))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var who = Who.From(User);
        db.PlanComments.Add(new PlanComment
        {
            Id = journey.NewId(),
            CouncilId = Arrangement.CouncilId,
            PlanId = Plan.Id,
            AuthorUserId = who.UserId,
            AuthorName = await DisplayNameAsync(who),
            Text = CommentText!.Trim(),
            PostedAt = journey.Now,
        });
        await db.SaveChangesAsync();
        TempData["Success"] = "Your comment has been added";
        return Redirect($"/arrangements/{Arrangement.Id}/plan#comments");
    }

    public async Task<IActionResult> OnPostAgreeAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (!IsPerson)
        {
            return Forbid();
        }
        if (!CheckCanAgree(nameof(AgreeConfirmed)))
        {
            return Page();
        }
        if (!AgreeConfirmed)
        {
            ModelState.AddModelError(nameof(AgreeConfirmed), "Tick the box to say you have read this plan and agree it");
            return Page();
        }
        var who = Who.From(User);
        return await AgreeAsync(nameof(AgreeConfirmed), who.UserId, await DisplayNameAsync(who), "You have agreed your support plan");
    }

    public async Task<IActionResult> OnPostRecordAgreementAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (!CheckCanAgree(nameof(PersonAgreedConfirmed)))
        {
            return Page();
        }
        foreach (var error in PlanAgreementRules.ValidateRecorded(PersonAgreedConfirmed, HowAgreed))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var who = Who.From(User);
        return await AgreeAsync(nameof(PersonAgreedConfirmed), null, PlanAgreementRules.RecordedBy(who.Name, HowAgreed!), "The person's agreement to the plan has been recorded");
    }

    private bool CheckCanAgree(string field)
    {
        if (Plan is null)
        {
            ModelState.AddModelError(field, "There is no support plan to agree yet");
        }
        else if (StageRefusal is { } stage)
        {
            ModelState.AddModelError(field, stage.Message);
        }
        else if (AgreeRefusal is { } refusal)
        {
            ModelState.AddModelError(field, refusal.Message);
        }
        else if (Plan.ConcurrencyToken != PlanToken)
        {
            ModelState.AddModelError(field, "The plan changed while you were reading it. Read the plan below, which is now up to date, before agreeing it");
            PlanToken = Plan.ConcurrencyToken;
        }
        return ModelState.IsValid;
    }

    private async Task<IActionResult> AgreeAsync(string field, Guid? userId, string name, string success)
    {
        PlanAgreementRules.Agree(Plan!, userId, name, journey.Now);
        db.Entry(Plan!).Property(p => p.ConcurrencyToken).OriginalValue = PlanToken;
        db.Actor.Reason = "Support plan agreed";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            PlanToken = Guid.Empty;
            await LoadAsync();
            ModelState.AddModelError(field, "The plan changed while you were reading it. Read the plan below, which is now up to date, before agreeing it");
            return Page();
        }
        TempData["Success"] = success;
        return Redirect($"/arrangements/{Arrangement.Id}/plan");
    }

    /// <summary>The name as the plan shows it: a representative's says how they are connected to the person.</summary>
    private async Task<string> DisplayNameAsync(Who who)
    {
        if (!IsPerson || who.UserId is not { } userId)
        {
            return who.Name;
        }
        var relationship = await db.PersonAccess.Where(a => a.PersonId == Arrangement.PersonId && a.UserId == userId)
            .Select(a => (Relationship?)a.Relationship).FirstOrDefaultAsync();
        return relationship switch
        {
            Relationship.Parent => $"{who.Name} (parent)",
            Relationship.AuthorisedPerson => $"{who.Name} (authorised person)",
            Relationship.NominatedPerson => $"{who.Name} (nominated person)",
            Relationship.Self or null => who.Name,
        };
    }

    private async Task<bool> LoadAsync(bool tracking = false)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        Plan = await journey.CurrentPlanAsync(arrangement.Id, tracking);
        if (PlanToken == Guid.Empty)
        {
            PlanToken = Plan?.ConcurrencyToken ?? Guid.Empty;
        }
        Indicative = arrangement.IndicativeWeeklyPence is { } pence ? new Money(pence) : null;
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageJourney)).Succeeded;
        StageRefusal = PlanEditing.CanEdit(arrangement.Stage);
        var versions = await db.SupportPlans.AsNoTracking().Where(p => p.ArrangementId == arrangement.Id).OrderByDescending(p => p.Version)
            .Select(p => new { p.Id, Summary = new PlanVersionSummary(p.Version, p.Status, p.CreatedAt, p.AgreedAt, p.AgreedByName) }).ToListAsync();
        EarlierVersions = [.. versions.Skip(1).Select(v => v.Summary)];
        var planIds = versions.Select(v => v.Id).ToList();
        var comments = await db.PlanComments.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).ToListAsync();
        var versionOf = versions.ToDictionary(v => v.Id, v => v.Summary.Version);
        Comments = [.. comments.OrderBy(c => c.PostedAt).Select(c => new PlanCommentView(versionOf[c.PlanId], c.AuthorName, c.PostedAt, c.Text))];
        return true;
    }
}
