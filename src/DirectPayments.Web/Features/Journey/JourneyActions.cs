using System.Security.Claims;
using System.Security.Cryptography;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey;

/// <summary>Who is acting: their user id (none for the system) and their name as the timeline shows it.</summary>
public sealed record Who(Guid? UserId, string Name)
{
    public static Who From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Who(user.UserId(), user.Identity?.Name ?? "Unknown");
    }

    public static readonly Who System = new(null, "The system");
}

/// <summary>
/// The journey's glue between the Domain rules and the database: finding an arrangement the user may
/// see, gathering the facts a transition needs, moving it with its timeline entry, and creating the
/// tasks each stage's rules call for. Pages and the API both use it, so they behave the same.
/// </summary>
public sealed class JourneyActions(DpDbContext db, TimeProvider clock, Finance.MoneyActions money)
{
    private const string ReferenceAlphabet = "23456789BCDFGHJKLMNPQRSTVWXZ";

    public DateOnly Today => clock.TodayInEngland();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Guid NewId() => Guid.CreateVersion7(clock.GetUtcNow());

    /// <summary>The arrangements this user may see: those of the people they may see (<see cref="PersonAccessRules"/>).</summary>
    public IQueryable<Arrangement> VisibleArrangements(ClaimsPrincipal user)
    {
        var people = db.VisiblePeople(user).Select(p => p.Id);
        return db.Arrangements.Where(a => people.Contains(a.PersonId));
    }

    /// <summary>The arrangement if this user may see it; null means answer 404.</summary>
    public Task<Arrangement?> FindVisibleAsync(ClaimsPrincipal user, Guid arrangementId, bool tracking = false)
    {
        var query = VisibleArrangements(user).Where(a => a.Id == arrangementId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }

    /// <summary>The latest version of the support plan, with its outcomes and costs in order.</summary>
    public async Task<SupportPlan?> CurrentPlanAsync(Guid arrangementId, bool tracking = false)
    {
        var query = db.SupportPlans.Include(p => p.Outcomes).Include(p => p.Costs)
            .Where(p => p.ArrangementId == arrangementId).OrderByDescending(p => p.Version);
        var plan = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync();
        if (plan is not null)
        {
            plan.Outcomes.Sort((a, b) => a.Order.CompareTo(b.Order));
            plan.Costs.Sort((a, b) => a.Order.CompareTo(b.Order));
        }
        return plan;
    }

    public Task<SuitabilityDecision?> LatestSuitabilityAsync(Guid arrangementId) =>
        db.SuitabilityDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId)
            .OrderByDescending(d => d.RecordedAt).FirstOrDefaultAsync();

    public Task<FundingDecision?> LatestFundingAsync(Guid arrangementId) =>
        db.FundingDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId)
            .OrderByDescending(d => d.ProposedAt).FirstOrDefaultAsync();

    public Task<AgreementVersion?> LatestAgreementAsync(Guid arrangementId, bool tracking = false)
    {
        var query = db.AgreementVersions.Include(v => v.Signatures).Where(v => v.ArrangementId == arrangementId).OrderByDescending(v => v.Version);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync();
    }

    /// <summary>The facts the state machine's guards read, gathered from the arrangement's records.</summary>
    public async Task<JourneyFacts> FactsAsync(Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var plan = await CurrentPlanAsync(arrangement.Id);
        var suitability = await LatestSuitabilityAsync(arrangement.Id);
        var funding = await LatestFundingAsync(arrangement.Id);
        var agreement = await LatestAgreementAsync(arrangement.Id);
        return new JourneyFacts
        {
            AssessmentOutcomeRecorded = arrangement.AssessedOn is not null && !string.IsNullOrWhiteSpace(arrangement.EligibleNeeds),
            IndicativeBudgetSet = arrangement.IndicativeWeeklyPence is not null,
            PlanComplete = plan is not null && SupportPlanRules.Missing(plan).Count == 0,
            PlanAgreedByPerson = plan?.Status == PlanStatus.Agreed,
            Suitability = suitability?.Outcome,
            Funding = funding?.Outcome,
            CurrentAgreementSignedByAll = agreement is not null && agreement.Status != AgreementStatus.Superseded && AgreementRules.SignedByAll(agreement),
            PaymentMethod = arrangement.PaymentMethod,
            FirstPaymentDate = arrangement.FirstPaymentOn,
            SignUpVisitComplete = arrangement.SignUpVisitOn is not null && SignUpChecklist.IsComplete(arrangement.SignUpChecklistDone),
        };
    }

    /// <summary>
    /// Starts a new enquiry for a person. The timeline's first entry says who started it.
    /// The caller saves.
    /// </summary>
    public Arrangement StartEnquiry(Person person, EnquiryChannel channel, LegalRoute route, string? notes, Who who, string? externalReference = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(who);
        var arrangement = new Arrangement
        {
            Id = NewId(),
            CouncilId = person.CouncilId,
            PersonId = person.Id,
            Reference = NewReference(),
            Stage = Stage.Enquiry,
            Route = route,
            Channel = channel,
            EnquiryOn = Today,
            EnquiryNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            ExternalReference = externalReference,
            StageChangedAt = Now,
            CreatedAt = Now,
        };
        db.Arrangements.Add(arrangement);
        db.ArrangementTransitions.Add(new ArrangementTransition
        {
            Id = NewId(), ArrangementId = arrangement.Id, From = Stage.Enquiry, To = Stage.Enquiry,
            OccurredAt = Now, ActorUserId = who.UserId, ActorName = who.Name,
            Reason = $"Enquiry started by {channel.Label().ToLowerInvariant()}",
        });
        return arrangement;
    }

    /// <summary>
    /// Moves an arrangement if the rules allow, recording who, when and why, and creating the tasks the
    /// new stage needs. Nothing is saved on a refusal. The caller saves on success.
    /// </summary>
    public async Task<Refusal?> MoveAsync(Arrangement arrangement, MoveRequest request, Who who)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(who);
        var facts = await FactsAsync(arrangement);
        if (JourneyRules.Check(arrangement.Stage, request, facts) is { } refusal)
        {
            return refusal;
        }
        var from = arrangement.Stage;
        arrangement.Stage = request.To;
        arrangement.StageChangedAt = Now;
        db.ArrangementTransitions.Add(new ArrangementTransition
        {
            Id = NewId(), ArrangementId = arrangement.Id, From = from, To = request.To, OccurredAt = Now,
            ActorUserId = who.UserId, ActorName = who.Name, Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
        });
        await OnEnteredAsync(arrangement, from, request.To);
        return null;
    }

    /// <summary>Adds a task for the arrangement's team. The caller saves.</summary>
    public async Task<CaseTask> AddTaskAsync(Arrangement arrangement, TaskKind kind, DateOnly dueOn, string? notes = null, DateOnly? bookedFor = null)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var team = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.TeamId).SingleAsync();
        var task = new CaseTask
        {
            Id = NewId(), ArrangementId = arrangement.Id, PersonId = arrangement.PersonId, Kind = kind, DueOn = dueOn,
            BookedFor = bookedFor, Notes = notes, TeamId = team, CreatedAt = Now,
        };
        db.Tasks.Add(task);
        return task;
    }

    /// <summary>
    /// Completes a task, and creates the follow-on task its rule calls for: the next six-monthly visit
    /// after a child's visit. Reviews create their follow-on when the review is recorded.
    /// </summary>
    public async Task CompleteTaskAsync(Arrangement arrangement, CaseTask task, DateOnly completedOn, string outcome, Who who)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(who);
        task.CompletedOn = completedOn;
        task.CompletedByUserId = who.UserId;
        task.CompletedByName = who.Name;
        task.Outcome = outcome.Trim();
        if (task.Kind == TaskKind.ChildVisit && arrangement.Stage is Stage.Active or Stage.Suspended)
        {
            await AddTaskAsync(arrangement, TaskKind.ChildVisit, TaskRules.NextChildVisitDue(completedOn));
        }
    }

    /// <summary>The tasks each stage's rules create on entry (issue #3, item 8; RULES.md section 5).</summary>
    private async Task OnEnteredAsync(Arrangement arrangement, Stage from, Stage to)
    {
        switch (to)
        {
            case Stage.SetUp when from == Stage.Agreement:
                await AddTaskAsync(arrangement, TaskKind.ReferToSupportService, Today.AddDays(TaskRules.ReferralWithinDays));
                await AddTaskAsync(arrangement, TaskKind.SignUpVisit, Today.AddDays(TaskRules.SignUpVisitWithinDays));
                if (arrangement.WillEmployPersonalAssistant)
                {
                    await AddTaskAsync(arrangement, TaskKind.EmployerChecklist, Today.AddDays(TaskRules.SignUpVisitWithinDays),
                        "Opened at set-up because the person will employ a personal assistant.");
                }
                break;
            case Stage.Active when from == Stage.SetUp:
                var first = arrangement.FirstPaymentOn ?? Today;
                await money.OpenAccountAsync(arrangement, Who.System);
                await AddTaskAsync(arrangement, TaskKind.Review, TaskRules.FirstReviewDue(first), "First review: within 6 months of the first payment.");
                if (arrangement.Route == LegalRoute.Child)
                {
                    await AddTaskAsync(arrangement, TaskKind.ChildVisit, TaskRules.NextChildVisitDue(first));
                }
                if (arrangement.PersonalAssistantStartsOn is { } paStarts)
                {
                    await AddTaskAsync(arrangement, TaskKind.SixWeekCheck, TaskRules.SixWeekCheckDue(paStarts));
                }
                break;
            case Stage.Ended:
                await CloseOpenTasksAsync(arrangement.Id, "Closed: the direct payment ended.");
                if (from is Stage.Active or Stage.Suspended)
                {
                    await AddTaskAsync(arrangement, TaskKind.FinalReconciliation, Today.AddDays(TaskRules.CouncilNoticeDays),
                        "Settle what is owed first (final wages, holiday pay, HMRC, pension, insurance), then work out any balance to return.");
                    if (arrangement.WillEmployPersonalAssistant)
                    {
                        await AddTaskAsync(arrangement, TaskKind.EndPersonalAssistantEmployment, Today.AddDays(7),
                            "Help the employer give notice, pay final wages and accrued holiday, and send the final payroll return to HMRC.");
                    }
                }
                break;
            case Stage.Enquiry:
            case Stage.Assessment:
            case Stage.Planning:
            case Stage.Suitability:
            case Stage.FundingDecision:
            case Stage.Agreement:
            case Stage.SetUp:
            case Stage.Active:
            case Stage.Suspended:
                break;
        }
    }

    private async Task CloseOpenTasksAsync(Guid arrangementId, string outcome)
    {
        var open = await db.Tasks.Where(t => t.ArrangementId == arrangementId && t.CompletedOn == null).ToListAsync();
        foreach (var task in open)
        {
            task.CompletedOn = Today;
            task.CompletedByName = Who.System.Name;
            task.Outcome = outcome;
        }
    }

    private static string NewReference() =>
        "DP-" + string.Concat(Enumerable.Range(0, 6).Select(_ => ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)]));
}
