using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>
/// A manager (or funding panel) decides a proposed personal budget. A different amount, or sending
/// the plan back, needs reasons the practitioner and the person will read. An agreed budget moves
/// the direct payment to its agreement; a returned one goes back to support planning.
/// </summary>
[Authorize(Policy = Policies.DecideFunding)]
public sealed class DecideModel(DpDbContext db, JourneyActions journey) : PageModel
{
    /// <summary>The longest reason a stage move can carry; a longer decision reason is shortened on the timeline only.</summary>
    private const int MoveReasonLength = 2000;

    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public FundingOutcome? Outcome { get; set; }
    [BindProperty] public string? DecidedWeekly { get; set; }
    [BindProperty] public bool ByPanel { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    /// <summary>The newest proposal, decided or not.</summary>
    public FundingDecision? Proposal { get; private set; }

    /// <summary>The plan version the proposal was costed from.</summary>
    public SupportPlan? Plan { get; private set; }

    public bool IsOpen => Proposal is { Outcome: null } && Arrangement.Stage == Stage.FundingDecision;

    /// <summary>A manager may not decide a budget they proposed themselves.</summary>
    public bool IsOwnProposal => Proposal?.ProposedByUserId is { } by && by == User.UserId();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        db.RecordAudit("funding.viewed", nameof(Arrangement), Arrangement.Id.ToString(), Arrangement.PersonId, details: "Funding decision form");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (Proposal is not { } proposal || proposal.Outcome is not null)
        {
            ModelState.AddModelError(nameof(Outcome), "This budget has already been decided. A new proposal is needed before another decision");
            return Page();
        }
        if (Arrangement.Stage != Stage.FundingDecision)
        {
            ModelState.AddModelError(nameof(Outcome), $"The budget can only be decided at the funding decision step. This direct payment is at {Arrangement.Stage.Label().ToLowerInvariant()}");
            return Page();
        }
        if (IsOwnProposal)
        {
            ModelState.AddModelError(nameof(Outcome), "Another manager must decide a budget you proposed");
            return Page();
        }
        var decidedWeekly = Money.TryParsePounds(DecidedWeekly);
        if (Outcome == FundingOutcome.ApprovedDifferentAmount && !string.IsNullOrWhiteSpace(DecidedWeekly) && decidedWeekly is null)
        {
            ModelState.AddModelError(nameof(DecidedWeekly), "Enter the weekly budget you are agreeing in pounds and pence, like 350.00");
        }
        else
        {
            foreach (var error in FundingRules.ValidateDecision(proposal, Outcome, decidedWeekly, Reasons))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (!ModelState.IsValid || Outcome is not { } outcome)
        {
            return Page();
        }

        var who = Who.From(User);
        proposal.Outcome = outcome;
        proposal.DecidedWeeklyPence = outcome switch
        {
            FundingOutcome.Approved => proposal.ProposedWeeklyPence,
            FundingOutcome.ApprovedDifferentAmount => decidedWeekly!.Value.Pence,
            FundingOutcome.ReturnedForChanges => null,
        };
        proposal.DecisionReasons = string.IsNullOrWhiteSpace(Reasons) ? null : Reasons.Trim();
        proposal.ByPanel = ByPanel;
        proposal.DecidedByUserId = who.UserId;
        proposal.DecidedByName = who.Name;
        proposal.DecidedAt = journey.Now;

        // The decision and the move it causes commit together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        var move = outcome == FundingOutcome.ReturnedForChanges
            ? new MoveRequest(Stage.Planning, Mover.Council, "Funding decision sent the plan back for changes: " + DecisionPages.Shorten(proposal.DecisionReasons!, MoveReasonLength - 60))
            : new MoveRequest(Stage.Agreement, Mover.Council, null);
        if (await journey.MoveAsync(Arrangement, move, who) is { } refusal)
        {
            await transaction.RollbackAsync();
            ModelState.AddModelError(nameof(Outcome), refusal.Message);
            return Page();
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        TempData["Success"] = outcome switch
        {
            FundingOutcome.Approved => $"Budget of {new Money(proposal.ProposedWeeklyPence)} a week agreed for {PersonName}. The agreement can now be prepared",
            FundingOutcome.ApprovedDifferentAmount => $"Budget of {decidedWeekly} a week agreed for {PersonName}. The practitioner and the person will see the reasons",
            FundingOutcome.ReturnedForChanges => $"The support plan for {PersonName} was sent back for changes",
        };
        return Redirect("/funding-decisions");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        if (await journey.FindVisibleAsync(User, ArrangementId, tracking) is not { } arrangement)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        var proposals = db.FundingDecisions.Where(d => d.ArrangementId == arrangement.Id).OrderByDescending(d => d.ProposedAt);
        Proposal = await (tracking ? proposals : proposals.AsNoTracking()).FirstOrDefaultAsync();
        if (Proposal is { } proposal)
        {
            Plan = await db.SupportPlans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Costs).SingleOrDefaultAsync(p => p.Id == proposal.PlanId);
            Plan?.Outcomes.Sort((x, y) => x.Order.CompareTo(y.Order));
            Plan?.Costs.Sort((x, y) => x.Order.CompareTo(y.Order));
        }
        return true;
    }
}
