using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>
/// The suitability decision (RULES.md sections 2, 3.2 and 8.1). The person reads the decision, each
/// condition explained and the reasons; staff at the suitability step record the facts, check the
/// conditions and record the decision. A suitable decision moves straight on to the funding decision.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class SuitabilityModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public const string CheckAction = "Check";
    public const string RecordAction = "Record";

    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public Answer Requested { get; set; }
    [BindProperty] public Answer HasCapacityToRequest { get; set; }
    [BindProperty] public Answer HasNominee { get; set; }
    [BindProperty] public Answer NomineeAgrees { get; set; }
    [BindProperty] public AuthorisationBasis? Authorisation { get; set; }
    [BindProperty] public Answer AttorneySupportsRequest { get; set; }
    [BindProperty] public Answer ActsInBestInterests { get; set; }
    [BindProperty] public Answer AuthorisedPersonIsFamilyOrFriend { get; set; }
    [BindProperty, Display(Name = "The date of the DBS check")] public DateOnly? AuthorisedPersonDbsCheckedOn { get; set; }
    [BindProperty] public Answer HasParentalResponsibilityOrIs16Or17 { get; set; }
    [BindProperty] public Answer UnderCriminalJusticeRequirement { get; set; }
    [BindProperty, Display(Name = "The date the requirement ends")] public DateOnly? CriminalJusticeRequirementEndsOn { get; set; }
    [BindProperty] public Answer CapableWithHelp { get; set; }
    [BindProperty] public string? HelpAvailable { get; set; }
    [BindProperty] public Answer Appropriate { get; set; }
    [BindProperty] public Answer PaysCloseFamilyInHousehold { get; set; }
    [BindProperty] public string? FamilyPaymentNecessaryBecause { get; set; }

    [BindProperty] public SuitabilityOutcome? Decision { get; set; }
    [BindProperty] public RefusalReason? RefusalReason { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    /// <summary>Which button was pressed: check the conditions, or record the decision.</summary>
    [BindProperty] public string? Action { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    /// <summary>Every decision, newest first.</summary>
    public IReadOnlyList<SuitabilityDecision> Decisions { get; private set; } = [];

    public SuitabilityDecision? Latest => Decisions.Count > 0 ? Decisions[0] : null;

    /// <summary>The latest decision's conditions, as they were when it was made.</summary>
    public IReadOnlyList<ConditionResult> LatestResults { get; private set; } = [];

    /// <summary>The conditions for the facts on the form, after "Check the conditions" or a decision that could not be recorded.</summary>
    public IReadOnlyList<ConditionResult>? Results { get; private set; }

    /// <summary>What the conditions on the form add up to, in a sentence for the practitioner.</summary>
    public string ConditionsSummary => SuitabilityRules.Outcome(Results ?? []) switch
    {
        SuitabilityOutcome.Suitable => "Every condition is met, so the council must make a direct payment if it is asked for.",
        SuitabilityOutcome.Refused => "At least one condition is not met, so a direct payment cannot be agreed. If you refuse, give the reasons in words the person can understand.",
        _ => "Some questions are not answered yet. Answer them before agreeing a direct payment.",
    };

    public bool IsStaff => User.May(Policies.ManageJourney);

    public bool CanRecord => IsStaff && Arrangement.Stage == Stage.Suitability;

    public bool IsPerson => User.May(Policies.PersonOnly);

    /// <summary>The person may ask for the latest refusal to be looked at again.</summary>
    public bool CanAskToLookAgain => IsPerson && ReconsiderationRules.CanAsk(Latest) is null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        if (CanRecord)
        {
            Prefill(Latest is { } latest ? DecisionPages.FactsFrom(latest.FactsJson) : null);
            if (Latest is not null)
            {
                Results = Evaluate();
            }
        }
        db.RecordAudit("suitability.viewed", nameof(Arrangement), Arrangement.Id.ToString(), Arrangement.PersonId);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (!IsStaff)
        {
            return Forbid();
        }
        var today = journey.Today;
        if (AuthorisedPersonDbsCheckedOn > today)
        {
            ModelState.AddModelError(nameof(AuthorisedPersonDbsCheckedOn), "The date of the DBS check must be today or in the past");
        }
        if (HelpAvailable is { Length: > 1000 })
        {
            ModelState.AddModelError(nameof(HelpAvailable), "The help available must be 1,000 characters or fewer");
        }
        if (FamilyPaymentNecessaryBecause is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(FamilyPaymentNecessaryBecause), "Why it is necessary must be 2,000 characters or fewer");
        }
        Results = Evaluate();
        if (Action != RecordAction)
        {
            return Page();
        }
        if (Arrangement.Stage != Stage.Suitability)
        {
            ModelState.AddModelError(nameof(Decision), $"The suitability decision can only be recorded at the suitability decision step. This direct payment is at {Arrangement.Stage.Label().ToLowerInvariant()}");
            return Page();
        }
        foreach (var error in SuitabilityRules.ValidateDecision(Results, Decision, RefusalReason, Reasons))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        if (!ModelState.IsValid || Decision is not { } outcome)
        {
            return Page();
        }

        var who = Who.From(User);
        var reconsidered = Latest is { Outcome: SuitabilityOutcome.Refused, ReconsiderationRequestedAt: not null } refused ? refused : null;
        var decision = new SuitabilityDecision
        {
            Id = journey.NewId(),
            ArrangementId = Arrangement.Id,
            FactsJson = DecisionPages.ToJson(Facts()),
            Outcome = outcome,
            RefusalReason = outcome == SuitabilityOutcome.Refused ? RefusalReason : null,
            Reasons = string.IsNullOrWhiteSpace(Reasons) ? null : Reasons.Trim(),
            DecidedOn = today,
            DecidedByUserId = who.UserId,
            DecidedByName = who.Name,
            RecordedAt = journey.Now,
            ReconsidersDecisionId = reconsidered?.Id,
        };
        db.SuitabilityDecisions.Add(decision);
        if (reconsidered is not null)
        {
            var open = await db.Tasks.Where(t => t.ArrangementId == Arrangement.Id && t.Kind == TaskKind.Reconsideration && t.CompletedOn == null).ToListAsync();
            foreach (var task in open)
            {
                await journey.CompleteTaskAsync(Arrangement, task, today, $"Looked at again. New decision: {outcome.Label().ToLowerInvariant()}.", who);
            }
        }

        // The decision and the move to the funding decision commit together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        if (outcome == SuitabilityOutcome.Suitable
            && await journey.MoveAsync(Arrangement, new MoveRequest(Stage.FundingDecision, Mover.Council, null), who) is { } refusal)
        {
            await transaction.RollbackAsync();
            ModelState.AddModelError(nameof(Decision), refusal.Message);
            return Page();
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        if (outcome == SuitabilityOutcome.Suitable)
        {
            TempData["Success"] = "Decision recorded: a direct payment is suitable. Now propose the personal budget";
            return Redirect($"/arrangements/{Arrangement.Id}/funding");
        }
        TempData["Success"] = "Decision recorded: a direct payment was refused. The person can read the reasons and ask for the decision to be looked at again";
        return Redirect($"/arrangements/{Arrangement.Id}/suitability");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        if (await journey.FindVisibleAsync(User, ArrangementId, tracking) is not { } arrangement)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        var decisions = db.SuitabilityDecisions.Where(d => d.ArrangementId == arrangement.Id).OrderByDescending(d => d.RecordedAt);
        Decisions = await (tracking ? decisions : decisions.AsNoTracking()).ToListAsync();
        if (Latest is { } latest)
        {
            LatestResults = SuitabilityRules.Evaluate(DecisionPages.FactsFrom(latest.FactsJson), latest.DecidedOn);
        }
        return true;
    }

    private SuitabilityFacts Facts() => new()
    {
        Route = Arrangement.Route,
        Requested = Requested,
        HasCapacityToRequest = HasCapacityToRequest,
        HasNominee = HasNominee.IsYes(),
        NomineeAgrees = NomineeAgrees,
        Authorisation = Authorisation,
        AttorneySupportsRequest = AttorneySupportsRequest,
        ActsInBestInterests = ActsInBestInterests,
        AuthorisedPersonIsFamilyOrFriend = AuthorisedPersonIsFamilyOrFriend.IsYes(),
        AuthorisedPersonDbsCheckedOn = AuthorisedPersonDbsCheckedOn,
        HasParentalResponsibilityOrIs16Or17 = HasParentalResponsibilityOrIs16Or17,
        UnderCriminalJusticeRequirement = UnderCriminalJusticeRequirement.IsYes(),
        CriminalJusticeRequirementEndsOn = UnderCriminalJusticeRequirement.IsYes() ? CriminalJusticeRequirementEndsOn : null,
        CapableWithHelp = CapableWithHelp,
        HelpAvailable = string.IsNullOrWhiteSpace(HelpAvailable) ? null : HelpAvailable.Trim(),
        Appropriate = Appropriate,
        PaysCloseFamilyInHousehold = PaysCloseFamilyInHousehold.IsYes(),
        FamilyPaymentNecessaryBecause = PaysCloseFamilyInHousehold.IsYes() && !string.IsNullOrWhiteSpace(FamilyPaymentNecessaryBecause) ? FamilyPaymentNecessaryBecause.Trim() : null,
    };

    private IReadOnlyList<ConditionResult> Evaluate() =>
        SuitabilityAnswers.Evaluate(Facts(), journey.Today, HasNominee, AuthorisedPersonIsFamilyOrFriend, UnderCriminalJusticeRequirement, PaysCloseFamilyInHousehold);

    /// <summary>Fills the form from the facts of the last decision (for a second look), or from the plan where there is none.</summary>
    private void Prefill(SuitabilityFacts? facts)
    {
        if (facts is null)
        {
            var pays = db.SupportPlans.AsNoTracking().Where(p => p.ArrangementId == Arrangement.Id).OrderByDescending(p => p.Version)
                .Select(p => (bool?)p.PaysCloseFamilyInHousehold).FirstOrDefault();
            PaysCloseFamilyInHousehold = pays is { } yes ? yes.ToAnswer() : Answer.NotAnswered;
            return;
        }
        Requested = facts.Requested;
        HasCapacityToRequest = facts.HasCapacityToRequest;
        HasNominee = facts.HasNominee.ToAnswer();
        NomineeAgrees = facts.NomineeAgrees;
        Authorisation = facts.Authorisation;
        AttorneySupportsRequest = facts.AttorneySupportsRequest;
        ActsInBestInterests = facts.ActsInBestInterests;
        AuthorisedPersonIsFamilyOrFriend = facts.AuthorisedPersonIsFamilyOrFriend.ToAnswer();
        AuthorisedPersonDbsCheckedOn = facts.AuthorisedPersonDbsCheckedOn;
        HasParentalResponsibilityOrIs16Or17 = facts.HasParentalResponsibilityOrIs16Or17;
        UnderCriminalJusticeRequirement = facts.UnderCriminalJusticeRequirement.ToAnswer();
        CriminalJusticeRequirementEndsOn = facts.CriminalJusticeRequirementEndsOn;
        CapableWithHelp = facts.CapableWithHelp;
        HelpAvailable = facts.HelpAvailable;
        Appropriate = facts.Appropriate;
        PaysCloseFamilyInHousehold = facts.PaysCloseFamilyInHousehold.ToAnswer();
        FamilyPaymentNecessaryBecause = facts.FamilyPaymentNecessaryBecause;
    }
}
