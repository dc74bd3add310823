using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>
/// The personal budget (RULES.md section 9): the practitioner proposes it from the costed plan, a
/// manager decides it. Everyone who may see the arrangement sees the decision, and where it differs
/// from the proposal, the difference and the reasons.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class FundingModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public string? ProposedWeekly { get; set; }
    [BindProperty] public string? Contribution { get; set; }
    [BindProperty] public PaymentBasis? Basis { get; set; }
    [BindProperty] public PaymentFrequency? Frequency { get; set; }
    [BindProperty] public string? OneOff { get; set; }
    [BindProperty] public string? SufficiencyReasons { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public SupportPlan? Plan { get; private set; }

    /// <summary>Every proposal and its decision, newest first.</summary>
    public IReadOnlyList<FundingDecision> Decisions { get; private set; } = [];

    public FundingDecision? Latest => Decisions.Count > 0 ? Decisions[0] : null;

    public Money? Indicative => Arrangement.IndicativeWeeklyPence is { } pence ? new Money(pence) : null;

    public bool IsStaff => User.May(Policies.ManageJourney);

    public bool IsPerson => User.May(Policies.PersonOnly);

    public bool CanDecide => User.May(Policies.DecideFunding);

    /// <summary>A proposal is waiting for a manager's decision.</summary>
    public bool AwaitingDecision => Latest is { Outcome: null };

    /// <summary>Staff at the funding decision step may propose when nothing is waiting for a decision.</summary>
    public bool CanPropose => IsStaff && Arrangement.Stage == Stage.FundingDecision && !AwaitingDecision;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        if (CanPropose)
        {
            var earlier = Latest;
            ProposedWeekly = Plan?.WeeklyTotal is { Pence: > 0 } total ? total.ToInputString()
                : earlier is null ? null : new Money(earlier.ProposedWeeklyPence).ToInputString();
            Contribution = earlier is null ? null : new Money(earlier.ContributionWeeklyPence).ToInputString();
            Basis = earlier?.Basis ?? PaymentBasis.Net;
            Frequency = earlier?.Frequency ?? PaymentFrequency.FourWeekly;
        }
        db.RecordAudit("funding.viewed", nameof(Arrangement), Arrangement.Id.ToString(), Arrangement.PersonId);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        if (!IsStaff)
        {
            return Forbid();
        }
        if (Arrangement.Stage != Stage.FundingDecision)
        {
            ModelState.AddModelError(nameof(ProposedWeekly), $"The budget can only be proposed at the funding decision step. This direct payment is at {Arrangement.Stage.Label().ToLowerInvariant()}");
            return Page();
        }
        if (AwaitingDecision)
        {
            ModelState.AddModelError(nameof(ProposedWeekly), "A proposal is already waiting for a manager's decision. Wait for the decision before proposing again");
            return Page();
        }
        if (Plan is null)
        {
            ModelState.AddModelError(nameof(ProposedWeekly), "There is no support plan to base the budget on. Write the support plan first");
            return Page();
        }
        var weekly = Money.TryParsePounds(ProposedWeekly);
        var contribution = Money.TryParsePounds(Contribution);
        foreach (var error in FundingRules.ValidateProposal(weekly, contribution, Indicative, SufficiencyReasons))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (Basis is null)
        {
            ModelState.AddModelError(nameof(Basis), "Select whether the council pays the budget net or gross of the contribution");
        }
        if (Frequency is null)
        {
            ModelState.AddModelError(nameof(Frequency), "Select how often the payments are made");
        }
        var oneOff = Money.Zero;
        if (!string.IsNullOrWhiteSpace(OneOff))
        {
            if (Money.TryParsePounds(OneOff) is not { IsNegative: false } parsed)
            {
                ModelState.AddModelError(nameof(OneOff), "Enter the one-off amount in pounds and pence, like 250.00, or leave it blank");
            }
            else
            {
                oneOff = parsed;
            }
        }
        if (SufficiencyReasons is { Length: > 4000 })
        {
            ModelState.AddModelError(nameof(SufficiencyReasons), "Why the budget is enough must be 4,000 characters or fewer");
        }
        if (!ModelState.IsValid || weekly is not { } w || contribution is not { } c || Basis is not { } basis || Frequency is not { } frequency)
        {
            return Page();
        }
        var who = Who.From(User);
        db.FundingDecisions.Add(new FundingDecision
        {
            Id = journey.NewId(),
            ArrangementId = Arrangement.Id,
            PlanId = Plan.Id,
            ProposedWeeklyPence = w.Pence,
            IndicativeWeeklyPence = Arrangement.IndicativeWeeklyPence,
            SufficiencyReasons = string.IsNullOrWhiteSpace(SufficiencyReasons) ? null : SufficiencyReasons.Trim(),
            ContributionWeeklyPence = c.Pence,
            Basis = basis,
            Frequency = frequency,
            OneOffPence = oneOff.Pence,
            ProposedByUserId = who.UserId,
            ProposedByName = who.Name,
            ProposedAt = journey.Now,
        });
        await db.SaveChangesAsync();
        TempData["Success"] = $"Budget of {w} a week proposed. A manager will decide it";
        return Redirect($"/arrangements/{Arrangement.Id}/funding");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        if (await journey.FindVisibleAsync(User, ArrangementId, tracking) is not { } arrangement)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        Plan = await journey.CurrentPlanAsync(arrangement.Id);
        Decisions = await db.FundingDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangement.Id).OrderByDescending(d => d.ProposedAt).ToListAsync();
        return true;
    }
}
