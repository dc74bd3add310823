using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>The text an agreement would have now, and the plan and funding decision it comes from.</summary>
public sealed record AgreementDraft(string Text, string TextHash, SupportPlan Plan, FundingDecision Funding);

/// <summary>
/// Builds the agreement's inputs from the arrangement's records (the council, the person, their
/// representative, the agreed plan and the approved budget) and composes its text with
/// <see cref="AgreementRules.Compose"/>, so the same records always give the same text and hash.
/// </summary>
public static class AgreementDrafts
{
    /// <summary>Weeks of planned spending a person may keep back for emergencies before we talk about unspent money (LOCAL).</summary>
    public const int ContingencyWeeks = 8;

    /// <summary>The stages at which staff may create an agreement: at the agreement step, or later when the plan or budget changed.</summary>
    public static bool CanCreateAt(Stage stage) => stage switch
    {
        Stage.Agreement or Stage.Active or Stage.Suspended => true,
        Stage.Enquiry or Stage.Assessment or Stage.Planning or Stage.Suitability or Stage.FundingDecision
            or Stage.SetUp or Stage.Ended => false,
    };

    /// <summary>The draft, or the reason one cannot be made yet, in words a practitioner can act on.</summary>
    public static async Task<(AgreementDraft? Draft, string? Problem)> PrepareAsync(DpDbContext db, JourneyActions journey, Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(arrangement);
        var plan = await journey.CurrentPlanAsync(arrangement.Id);
        if (plan is null || plan.Status != PlanStatus.Agreed)
        {
            return (null, "The person (or their representative) must agree the latest support plan before the agreement can be created");
        }
        var funding = await journey.LatestFundingAsync(arrangement.Id);
        if (funding?.Outcome is not (FundingOutcome.Approved or FundingOutcome.ApprovedDifferentAmount))
        {
            return (null, funding is { Outcome: null }
                ? "The latest personal budget is waiting for a manager's decision. The agreement can be created once it is approved"
                : "A manager must approve the personal budget before the agreement can be created");
        }
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == arrangement.CouncilId);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        var representative = await (
            from access in db.PersonAccess
            join user in db.Users on access.UserId equals user.Id
            where access.PersonId == person.Id && access.Relationship != Relationship.Self && user.DeactivatedAt == null
            orderby access.Relationship, user.DisplayName
            select new { user.DisplayName, access.Relationship }).AsNoTracking().FirstOrDefaultAsync();
        var contact = string.Join(" or ", new[] { council.ContactEmail, council.ContactPhone }.Where(c => !string.IsNullOrWhiteSpace(c)));
        var roleLabel = representative?.Relationship.Label();
        var inputs = new AgreementInputs(
            CouncilName: council.Name,
            CouncilContact: contact.Length > 0 ? contact : $"{council.Name}'s direct payments team",
            PersonName: person.FullName,
            PersonReference: person.Reference,
            ArrangementReference: arrangement.Reference,
            RepresentativeName: representative?.DisplayName,
            RepresentativeRole: roleLabel is null ? null : char.ToLowerInvariant(roleLabel[0]) + roleLabel[1..],
            Route: arrangement.Route,
            PlanVersion: plan.Version,
            Outcomes: [.. plan.Outcomes.Select(o => (o.InTheirWords, o.HowItIsMet))],
            Costs: [.. plan.Costs.Select(c => (c.Category, c.Description, new Money(c.WeeklyPence)))],
            CanBeUsedFor: string.IsNullOrWhiteSpace(plan.CanBeUsedFor) ? SupportPlanRules.DefaultCanBeUsedFor : plan.CanBeUsedFor,
            WeeklyBudget: new Money(funding.DecidedWeeklyPence ?? funding.ProposedWeeklyPence),
            WeeklyContribution: new Money(funding.ContributionWeeklyPence),
            Basis: funding.Basis,
            Frequency: funding.Frequency,
            OneOff: new Money(funding.OneOffPence),
            ContingencyWeeks: ContingencyWeeks,
            ReviewIntervalMonths: arrangement.ReviewIntervalMonths);
        var text = AgreementRules.Compose(inputs);
        return (new AgreementDraft(text, AgreementRules.Hash(text), plan, funding), null);
    }
}
