using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey.Shared;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.MyDirectPayment;

/// <summary>
/// The person's own page: for each person they are (or represent), where the direct payment is, what
/// happens next, visits booked, anything waiting for them, and who to contact.
/// </summary>
[Authorize(Policy = Policies.PersonOnly)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public sealed record Waiting(string Text, string Href, string? Detail = null, string? SecondText = null, string? SecondHref = null);

    public sealed record Card(Person Person, Relationship Relationship, Arrangement? Arrangement, Progress? Progress, string? TeamName,
        IReadOnlyList<(TaskKind Kind, DateOnly On)> Visits, IReadOnlyList<Waiting> Waiting);

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public string CouncilName { get; private set; } = "the council";

    public bool AnyWithout => Cards.Any(c => c.Arrangement is null || c.Arrangement.Stage == Stage.Ended);

    public async Task OnGetAsync()
    {
        var today = journey.Today;
        var userId = User.UserId() ?? Guid.Empty;
        var councilId = User.CouncilId();
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == councilId).Select(c => new { c.Name, c.ContactEmail, c.ContactPhone }).SingleOrDefaultAsync();
        (CouncilName, ContactEmail, ContactPhone) = (council?.Name ?? "the council", council?.ContactEmail, council?.ContactPhone);
        var links = await db.PersonAccess.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.Relationship, Person = p })
            .OrderBy(x => x.Relationship).ThenBy(x => x.Person.GivenName).ToListAsync();
        var cards = new List<Card>();
        foreach (var link in links)
        {
            var person = link.Person;
            var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.PersonId == person.Id).ToListAsync();
            var arrangement = arrangements.OrderBy(a => a.Stage == Stage.Ended).ThenByDescending(a => a.CreatedAt).FirstOrDefault();
            var team = person.TeamId is { } teamId ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync() : null;
            if (arrangement is null)
            {
                cards.Add(new Card(person, link.Relationship, null, null, team, [], []));
                continue;
            }
            var stages = await db.ArrangementTransitions.Where(t => t.ArrangementId == arrangement.Id).Select(t => t.To).ToListAsync();
            var progress = Progress.For(arrangement.Stage, Progress.Furthest(stages.Append(arrangement.Stage)));
            var visits = await db.Tasks.AsNoTracking()
                .Where(t => t.ArrangementId == arrangement.Id && t.CompletedOn == null && t.BookedFor != null && t.BookedFor >= today)
                .OrderBy(t => t.BookedFor).Select(t => new { t.Kind, t.BookedFor }).ToListAsync();
            cards.Add(new Card(person, link.Relationship, arrangement, progress, team,
                [.. visits.Select(v => (v.Kind, v.BookedFor!.Value))], await WaitingAsync(arrangement)));
            db.RecordAudit("arrangement.viewed", nameof(Arrangement), arrangement.Id.ToString(), person.Id, details: "My direct payment page");
        }
        Cards = cards;
        await db.SaveChangesAsync();
    }

    /// <summary>What is waiting for the person: a plan to agree, an agreement to sign, a refusal they can ask about, or a different funding amount.</summary>
    private async Task<IReadOnlyList<Waiting>> WaitingAsync(Arrangement arrangement)
    {
        var id = arrangement.Id;
        var waiting = new List<Waiting>();
        if (arrangement.Stage == Stage.Ended)
        {
            return waiting;
        }
        var plan = await journey.CurrentPlanAsync(id);
        if (plan is { Status: PlanStatus.Draft } && arrangement.Stage == Stage.Planning)
        {
            waiting.Add(new Waiting("Read your support plan and agree it", $"/arrangements/{id}/plan",
                "You can comment on it if something is not right."));
        }
        var agreement = await journey.LatestAgreementAsync(id);
        if (agreement is { Status: AgreementStatus.AwaitingSignatures } && agreement.Signatures.All(s => s.Side != "person"))
        {
            waiting.Add(new Waiting($"Read and sign your agreement (version {agreement.Version})", $"/arrangements/{id}/agreement"));
        }
        var suitability = await journey.LatestSuitabilityAsync(id);
        if (suitability is { Outcome: SuitabilityOutcome.Refused })
        {
            waiting.Add(suitability.ReconsiderationRequestedAt is null
                ? new Waiting("Read why a direct payment was refused", $"/arrangements/{id}/suitability", suitability.Reasons,
                    "Ask for the decision to be looked at again", $"/arrangements/{id}/suitability/look-again")
                : new Waiting("Read why a direct payment was refused", $"/arrangements/{id}/suitability",
                    "You have asked for the decision to be looked at again. We will tell you the outcome."));
        }
        var funding = await journey.LatestFundingAsync(id);
        if (funding is { Outcome: FundingOutcome.ApprovedDifferentAmount, DecidedWeeklyPence: { } decided })
        {
            waiting.Add(new Waiting(
                $"Your budget was agreed at {new Money(decided)} a week, not the {new Money(funding.ProposedWeeklyPence)} in your plan",
                $"/arrangements/{id}", "Why: " + funding.DecisionReasons));
        }
        else if (funding is { Outcome: FundingOutcome.ReturnedForChanges })
        {
            waiting.Add(new Waiting("Your plan was sent back for changes before the budget is agreed", $"/arrangements/{id}/plan",
                "Why: " + funding.DecisionReasons));
        }
        return waiting;
    }
}
