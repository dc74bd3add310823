using System.Globalization;
using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey;

/// <summary>One arrangement in a list.</summary>
public sealed record ArrangementSummaryDto(Guid Id, string Reference, Guid PersonId, string PersonReference, Stage Stage,
    DateTime StageChangedAt, string? ExternalReference);

/// <summary>The dates that mark an arrangement's progress. <c>endedOn</c> is set once it has ended.</summary>
public sealed record ArrangementDatesDto(DateOnly EnquiryOn, DateOnly? AssessedOn, DateOnly? FirstPaymentOn, DateOnly? EndedOn);

/// <summary>One move between stages: who, when and why.</summary>
public sealed record TransitionDto(Stage From, Stage To, DateTime At, string By, string? Reason);

/// <summary>
/// Where an arrangement is and what happens next. Weekly amounts are in pence: the indicative budget from
/// the allocation tool, the practitioner's proposal, and the final amount once a manager has decided.
/// </summary>
public sealed record ArrangementStatusDto(
    Guid Id, string Reference, Guid PersonId, string PersonReference, string? ExternalReference,
    Stage Stage, string StageLabel, string WhatHappensNext, DateTime StageChangedAt, IReadOnlyList<Stage> CanMoveTo,
    LegalRoute Route, EnquiryChannel Channel, ArrangementDatesDto Dates,
    string? AssessmentReference, NeedLevel? NeedLevel,
    long? IndicativeWeeklyPence, long? ProposedWeeklyPence, long? FinalWeeklyPence, long? ContributionWeeklyPence,
    PaymentMethod? PaymentMethod, IReadOnlyList<TransitionDto> Transitions);

public sealed record PlanOutcomeDto(string InTheirWords, string HowItIsMet);

public sealed record PlanCostDto(CostCategory Category, string Description, int WeeklyMinutes, long WeeklyPence);

public sealed record PlanVersionDto(int Version, PlanStatus Status, DateTime CreatedAt, DateTime? AgreedAt);

/// <summary>The latest version of the support plan, and every version's status.</summary>
public sealed record PlanDto(int Version, PlanStatus Status, IReadOnlyList<PlanOutcomeDto> Outcomes, IReadOnlyList<PlanCostDto> Costs,
    long WeeklyTotalPence, string? ContingencyPlan, string? CircleOfSupport, string? CanBeUsedFor, bool PaysCloseFamilyInHousehold,
    DateTime CreatedAt, DateTime? AgreedAt, string? AgreedBy, IReadOnlyList<PlanVersionDto> Versions);

public sealed record SuitabilityDecisionDto(Guid Id, SuitabilityOutcome Outcome, RefusalReason? RefusalReason, string? Reasons,
    DateOnly DecidedOn, string DecidedBy, DateTime RecordedAt, DateTime? ReconsiderationRequestedAt, string? ReconsiderationRequest,
    Guid? ReconsidersDecisionId);

public sealed record FundingDecisionDto(Guid Id, long ProposedWeeklyPence, long? IndicativeWeeklyPence, long ContributionWeeklyPence,
    long OneOffPence, PaymentBasis Basis, PaymentFrequency Frequency, string? SufficiencyReasons, string ProposedBy, DateTime ProposedAt,
    FundingOutcome? Outcome, long? DecidedWeeklyPence, string? DecisionReasons, bool ByPanel, string? DecidedBy, DateTime? DecidedAt,
    bool IsOverturn);

/// <summary>Every suitability and funding decision on an arrangement, oldest first.</summary>
public sealed record DecisionsDto(IReadOnlyList<SuitabilityDecisionDto> Suitability, IReadOnlyList<FundingDecisionDto> Funding);

public sealed record TaskDto(Guid Id, TaskKind Kind, string KindLabel, DateOnly DueOn, DateOnly? BookedFor, string? Notes,
    DateOnly? CompletedOn, string? CompletedBy, string? Outcome, bool IsOverdue);

/// <summary>
/// A new enquiry from the case system. Name the person by <c>personReference</c> (the council's reference,
/// such as "EX-000101") or <c>personId</c>. <c>legalRoute</c> defaults from the person's age.
/// <c>externalReference</c> is the case system's own id: sending the same one again returns the same arrangement.
/// </summary>
public sealed record EnquiryRequest(string? PersonReference, Guid? PersonId, string? LegalRoute, string? Notes, string? ExternalReference);

/// <summary>The assessment outcome from the case system. <c>assessedOn</c> is a date like 2026-03-31.</summary>
public sealed record AssessmentOutcomeRequest(string? AssessmentReference, string? AssessedOn, string? EligibleNeeds, string? NeedLevel);

/// <summary>
/// A move to another stage. <c>reason</c> is needed to go back a step, pause or restart. Send
/// <c>expectedStage</c> to be told, rather than moved, if someone else has moved it since you last read it.
/// </summary>
public sealed record MoveBody(string? To, string? Reason, string? ExpectedStage);

/// <summary>
/// <c>/api/v1/arrangements</c>: direct payment arrangements for the council's case system, with an API key
/// (issue #3, item 10). A key sees only its council's arrangements; another council's is 404.
/// </summary>
public static class JourneyApi
{
    public const string ProblemBase = "https://directpayments.invalid/problems/";

    private const string ValidationType = ProblemBase + "validation";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/arrangements").WithTags("Arrangements");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.ApiJourneyRead).WithName("ListArrangements")
            .WithSummary("Lists the council's direct payment arrangements, oldest first, 25 to a page by default; filter by stage or the case system's reference.");
        group.MapPost("", StartEnquiryAsync).RequireAuthorization(Policies.ApiJourneyWrite).WithName("StartEnquiry")
            .WithSummary("Starts an enquiry for an existing person. Sending the same externalReference again returns the arrangement already made.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{arrangementId:guid}", GetAsync).RequireAuthorization(Policies.ApiJourneyRead).WithName("GetArrangement")
            .WithSummary("An arrangement's status: stage, what happens next, key dates, budget and timeline. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{arrangementId:guid}/plan", GetPlanAsync).RequireAuthorization(Policies.ApiJourneyRead).WithName("GetArrangementPlan")
            .WithSummary("The latest support plan, with a summary of every version. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{arrangementId:guid}/decisions", GetDecisionsAsync).RequireAuthorization(Policies.ApiJourneyRead).WithName("GetArrangementDecisions")
            .WithSummary("Suitability and funding decisions, with their reasons. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{arrangementId:guid}/tasks", GetTasksAsync).RequireAuthorization(Policies.ApiJourneyRead).WithName("GetArrangementTasks")
            .WithSummary("The arrangement's tasks, with due dates and whether each is overdue. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{arrangementId:guid}/assessment", RecordAssessmentAsync).RequireAuthorization(Policies.ApiJourneyWrite).WithName("RecordAssessmentOutcome")
            .WithSummary("Records the assessment outcome from the case system, at the assessment or support planning step.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{arrangementId:guid}/move", MoveAsync).RequireAuthorization(Policies.ApiJourneyWrite).WithName("MoveArrangement")
            .WithSummary("Moves an arrangement to another stage if the journey's rules allow; a refusal says why.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<PagedResult<ArrangementSummaryDto>>, ValidationProblem>> ListAsync(
        DpDbContext db, string? stage, string? externalReference, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        Stage? stageFilter = null;
        if (stage is not null)
        {
            if (ParseEnum<Stage>(stage) is { } s)
            {
                stageFilter = s;
            }
            else
            {
                errors["stage"] = [$"stage must be one of {AllowedValues<Stage>()}"];
            }
        }
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more"];
        }
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["pageSize must be between 1 and 100"];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var size = pageSize ?? 25;
        var number = page ?? 1;
        var arrangements = db.Arrangements.AsNoTracking();
        if (stageFilter is { } wanted)
        {
            arrangements = arrangements.Where(a => a.Stage == wanted);
        }
        if (!string.IsNullOrWhiteSpace(externalReference))
        {
            var reference = externalReference.Trim();
            arrangements = arrangements.Where(a => a.ExternalReference == reference);
        }
        var total = await arrangements.CountAsync();
        var items = await arrangements
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Arrangement = a, PersonReference = p.Reference })
            .OrderBy(x => x.Arrangement.CreatedAt).ThenBy(x => x.Arrangement.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new ArrangementSummaryDto(x.Arrangement.Id, x.Arrangement.Reference, x.Arrangement.PersonId, x.PersonReference,
                x.Arrangement.Stage, x.Arrangement.StageChangedAt, x.Arrangement.ExternalReference))
            .ToListAsync();
        db.RecordAudit("arrangements.listed", nameof(Arrangement), "*",
            details: string.Create(English, $"API: page {number}, {items.Count} arrangements{(stageFilter is { } f ? $" at {f}" : "")}"));
        await db.SaveChangesAsync();
        return TypedResults.Ok(new PagedResult<ArrangementSummaryDto>(items, number, size, total));
    }

    private static async Task<Results<Created<ArrangementStatusDto>, Ok<ArrangementStatusDto>, ProblemHttpResult, ValidationProblem>>
        StartEnquiryAsync(DpDbContext db, JourneyActions journey, ClaimsPrincipal user, EnquiryRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        var personReference = Clean(body.PersonReference);
        var externalReference = Clean(body.ExternalReference);
        if (personReference is null && body.PersonId is null)
        {
            errors["personReference"] = ["Enter the person's council reference, like EX-000101, or their personId"];
        }
        LegalRoute? route = null;
        if (Clean(body.LegalRoute) is { } routeText)
        {
            route = ParseEnum<LegalRoute>(routeText);
            if (route is null)
            {
                errors["legalRoute"] = [$"legalRoute must be one of {AllowedValues<LegalRoute>()}, or left out to choose from the person's age"];
            }
        }
        if (body.Notes is { Length: > 4000 })
        {
            errors["notes"] = ["notes must be 4,000 characters or fewer"];
        }
        if (externalReference is { Length: > 100 })
        {
            errors["externalReference"] = ["externalReference must be 100 characters or fewer"];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        // A retry with the same case system reference gets the arrangement the first call made.
        if (externalReference is not null && await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.ExternalReference == externalReference) is { } existing)
        {
            return await SameEnquiryAsync(db, existing, personReference, body.PersonId);
        }

        var people = db.People.AsQueryable();
        if (body.PersonId is { } personId)
        {
            people = people.Where(p => p.Id == personId);
        }
        if (personReference is not null)
        {
            people = people.Where(p => p.Reference == personReference);
        }
        var person = await people.AsNoTracking().SingleOrDefaultAsync();
        if (person is null)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "person-not-found", "Person not found",
                body.PersonId is not null && personReference is not null
                    ? "There is no person in your council with both this personId and this personReference."
                    : "There is no person with this reference in your council."));
        }

        var open = await db.Arrangements.AsNoTracking().Where(a => a.PersonId == person.Id && a.Stage != Stage.Ended)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync();
        if (open is not null && externalReference is not null && open.ExternalReference == externalReference)
        {
            // The same enquiry, made by a call that finished between the look-up above and this one.
            return await SameEnquiryAsync(db, open, personReference, body.PersonId);
        }
        if (open is not null)
        {
            var conflict = Problem(StatusCodes.Status409Conflict, "journey/open-arrangement", "The person already has a direct payment",
                $"This person already has a direct payment at the {open.Stage.Label().ToLowerInvariant()} step");
            conflict.Extensions["arrangementId"] = open.Id;
            conflict.Extensions["stage"] = open.Stage.ToString();
            return TypedResults.Problem(conflict);
        }

        var arrangement = journey.StartEnquiry(person, EnquiryChannel.CaseSystem, route ?? DefaultRoute(person, journey.Today),
            body.Notes, ApiCaller(user), externalReference);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (externalReference is not null)
        {
            // Two calls with the same reference at once: the unique index let only one in, so answer as a retry.
            db.ChangeTracker.Clear();
            var first = await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.ExternalReference == externalReference);
            if (first is null)
            {
                throw;
            }
            return await SameEnquiryAsync(db, first, personReference, body.PersonId);
        }
        return TypedResults.Created($"/api/v1/arrangements/{arrangement.Id}", await StatusAsync(db, arrangement));
    }

    /// <summary>The answer to a repeated enquiry: the arrangement already made, unless the reference was used for someone else.</summary>
    private static async Task<Results<Created<ArrangementStatusDto>, Ok<ArrangementStatusDto>, ProblemHttpResult, ValidationProblem>>
        SameEnquiryAsync(DpDbContext db, Arrangement existing, string? personReference, Guid? personId)
    {
        var owner = await db.People.AsNoTracking().Where(p => p.Id == existing.PersonId).Select(p => new { p.Id, p.Reference }).SingleAsync();
        if ((personId is { } id && id != owner.Id) || (personReference is not null && personReference != owner.Reference))
        {
            var conflict = Problem(StatusCodes.Status409Conflict, "journey/external-reference-in-use", "The externalReference is already used",
                "Another person's direct payment already has this externalReference. Send the case system's own id for this case");
            conflict.Extensions["arrangementId"] = existing.Id;
            return TypedResults.Problem(conflict);
        }
        return TypedResults.Ok(await StatusAsync(db, existing));
    }

    private static async Task<Results<Ok<ArrangementStatusDto>, ProblemHttpResult>> GetAsync(DpDbContext db, Guid arrangementId)
    {
        var arrangement = await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        var status = await StatusAsync(db, arrangement);
        await AuditViewAsync(db, arrangement, "status");
        return TypedResults.Ok(status);
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlanAsync(DpDbContext db, JourneyActions journey, Guid arrangementId)
    {
        var arrangement = await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        var plan = await journey.CurrentPlanAsync(arrangement.Id);
        if (plan is null)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "journey/plan-not-found", "No support plan yet",
                $"The support plan for this direct payment has not been started. It is at {arrangement.Stage.Label().ToLowerInvariant()}"));
        }
        var versions = await db.SupportPlans.AsNoTracking().Where(p => p.ArrangementId == arrangement.Id).OrderBy(p => p.Version)
            .Select(p => new PlanVersionDto(p.Version, p.Status, p.CreatedAt, p.AgreedAt)).ToListAsync();
        await AuditViewAsync(db, arrangement, "support plan");
        return TypedResults.Ok(new PlanDto(plan.Version, plan.Status,
            [.. plan.Outcomes.Select(o => new PlanOutcomeDto(o.InTheirWords, o.HowItIsMet))],
            [.. plan.Costs.Select(c => new PlanCostDto(c.Category, c.Description, c.WeeklyMinutes, c.WeeklyPence))],
            plan.WeeklyTotal.Pence, plan.ContingencyPlan, plan.CircleOfSupport, plan.CanBeUsedFor, plan.PaysCloseFamilyInHousehold,
            plan.CreatedAt, plan.AgreedAt, plan.AgreedByName, versions));
    }

    private static async Task<Results<Ok<DecisionsDto>, ProblemHttpResult>> GetDecisionsAsync(DpDbContext db, Guid arrangementId)
    {
        var arrangement = await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        var suitability = await db.SuitabilityDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangement.Id)
            .OrderBy(d => d.RecordedAt).ThenBy(d => d.Id).ToListAsync();
        var funding = await db.FundingDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangement.Id)
            .OrderBy(d => d.ProposedAt).ThenBy(d => d.Id).ToListAsync();
        await AuditViewAsync(db, arrangement, "decisions");
        return TypedResults.Ok(new DecisionsDto(
            [.. suitability.Select(d => new SuitabilityDecisionDto(d.Id, d.Outcome, d.RefusalReason, d.Reasons, d.DecidedOn, d.DecidedByName,
                d.RecordedAt, d.ReconsiderationRequestedAt, d.ReconsiderationRequest, d.ReconsidersDecisionId))],
            [.. funding.Select(d => new FundingDecisionDto(d.Id, d.ProposedWeeklyPence, d.IndicativeWeeklyPence, d.ContributionWeeklyPence,
                d.OneOffPence, d.Basis, d.Frequency, d.SufficiencyReasons, d.ProposedByName, d.ProposedAt, d.Outcome, d.DecidedWeeklyPence,
                d.DecisionReasons, d.ByPanel, d.DecidedByName, d.DecidedAt, d.IsOverturn))]));
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskDto>>, ProblemHttpResult>> GetTasksAsync(DpDbContext db, JourneyActions journey, Guid arrangementId)
    {
        var arrangement = await db.Arrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        var today = journey.Today;
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ArrangementId == arrangement.Id)
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync();
        await AuditViewAsync(db, arrangement, "tasks");
        return TypedResults.Ok<IReadOnlyList<TaskDto>>([.. tasks.Select(t => new TaskDto(t.Id, t.Kind, t.Kind.Label(), t.DueOn, t.BookedFor, t.Notes,
            t.CompletedOn, t.CompletedByName, t.Outcome, t.IsOverdueOn(today)))]);
    }

    private static async Task<Results<Ok<ArrangementStatusDto>, ProblemHttpResult, ValidationProblem>>
        RecordAssessmentAsync(DpDbContext db, JourneyActions journey, Guid arrangementId, AssessmentOutcomeRequest body)
    {
        var arrangement = await db.Arrangements.SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        if (AssessmentRules.CanRecord(arrangement.Stage) is { } refusal)
        {
            return TypedResults.Problem(Refused(StatusCodes.Status409Conflict, refusal, arrangement.Stage));
        }

        var errors = new Dictionary<string, string[]>();
        DateOnly? assessedOn = null;
        if (Clean(body.AssessedOn) is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                assessedOn = date;
            }
            else
            {
                errors["assessedOn"] = ["The date of the assessment must be a real date, written like 2026-03-31"];
            }
        }
        NeedLevel? needLevel = null;
        if (Clean(body.NeedLevel) is { } levelText)
        {
            needLevel = ParseEnum<NeedLevel>(levelText);
            if (needLevel is null)
            {
                errors["needLevel"] = [$"needLevel must be one of {AllowedValues<NeedLevel>()}"];
            }
        }
        foreach (var error in AssessmentRules.Validate(body.AssessmentReference, assessedOn, body.EligibleNeeds, needLevel, arrangement.EnquiryOn, journey.Today))
        {
            // A date or level that could not be read has already been reported more precisely.
            errors.TryAdd(CamelCase(error.Field), [error.Message]);
        }
        if (errors.Count > 0 || assessedOn is not { } on || needLevel is not { } level)
        {
            return Invalid(errors);
        }

        AssessmentRules.Apply(arrangement, body.AssessmentReference!, on, body.EligibleNeeds!, level);
        var today = journey.Today;
        var versions = await db.AllocationToolVersions.AsNoTracking().Include(v => v.Rates).Where(v => v.EffectiveFrom <= today).ToListAsync();
        var tool = AssessmentRules.InForce(versions, today);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        // Without a rate the outcome is still recorded from the case system; the page asks for the rate first.
        if (AssessmentRules.Indicative(tool, person, on, level) is ({ } indicative, _))
        {
            arrangement.IndicativeWeeklyPence = indicative.Pence;
            arrangement.AllocationToolVersionId = tool!.Id;
        }
        db.Actor.Reason = "Assessment outcome from the case system";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(ChangedMeanwhile());
        }
        return TypedResults.Ok(await StatusAsync(db, arrangement));
    }

    private static async Task<Results<Ok<ArrangementStatusDto>, ProblemHttpResult, ValidationProblem>>
        MoveAsync(DpDbContext db, JourneyActions journey, ClaimsPrincipal user, Guid arrangementId, MoveBody body)
    {
        var arrangement = await db.Arrangements.SingleOrDefaultAsync(a => a.Id == arrangementId);
        if (arrangement is null)
        {
            return ArrangementNotFound();
        }
        var errors = new Dictionary<string, string[]>();
        var to = Clean(body.To) is { } toText ? ParseEnum<Stage>(toText) : null;
        if (to is null)
        {
            errors["to"] = [$"to must be one of {AllowedValues<Stage>()}"];
        }
        Stage? expected = null;
        if (Clean(body.ExpectedStage) is { } expectedText)
        {
            expected = ParseEnum<Stage>(expectedText);
            if (expected is null)
            {
                errors["expectedStage"] = [$"expectedStage must be one of {AllowedValues<Stage>()}, or left out"];
            }
        }
        if (errors.Count > 0 || to is not { } target)
        {
            return Invalid(errors);
        }
        if (expected is { } e && e != arrangement.Stage)
        {
            var moved = Problem(StatusCodes.Status409Conflict, "journey/stage-changed", "The direct payment has moved since you read it",
                $"The direct payment is at {arrangement.Stage.Label().ToLowerInvariant()}, not {e.Label().ToLowerInvariant()}. Read it again before moving it");
            moved.Extensions["stage"] = arrangement.Stage.ToString();
            return TypedResults.Problem(moved);
        }
        if (target == Stage.Ended && arrangement.Stage != Stage.Ended)
        {
            // Ending needs notice, reasons in writing and the steps that follow (RULES.md section 6), which the end page records.
            return TypedResults.Problem(Refused(StatusCodes.Status422UnprocessableEntity, new Refusal("end-on-page",
                $"End a direct payment on its page, /arrangements/{arrangement.Id}/end, so the notice, the reasons and the steps that follow are recorded"),
                arrangement.Stage));
        }

        var reason = Clean(body.Reason);
        if (await journey.MoveAsync(arrangement, new MoveRequest(target, Mover.Council, reason), ApiCaller(user)) is { } refusal)
        {
            return TypedResults.Problem(Refused(StatusCodes.Status422UnprocessableEntity, refusal, arrangement.Stage));
        }
        if (target == Stage.Suspended)
        {
            arrangement.SuspendedReason = reason;
        }
        db.Actor.Reason = reason;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(ChangedMeanwhile());
        }
        return TypedResults.Ok(await StatusAsync(db, arrangement));
    }

    private static async Task<ArrangementStatusDto> StatusAsync(DpDbContext db, Arrangement a)
    {
        var personReference = await db.People.AsNoTracking().Where(p => p.Id == a.PersonId).Select(p => p.Reference).SingleAsync();
        var funding = await db.FundingDecisions.AsNoTracking().Where(d => d.ArrangementId == a.Id)
            .OrderByDescending(d => d.ProposedAt).FirstOrDefaultAsync();
        var transitions = await db.ArrangementTransitions.AsNoTracking().Where(t => t.ArrangementId == a.Id)
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id)
            .Select(t => new TransitionDto(t.From, t.To, t.OccurredAt, t.ActorName, t.Reason)).ToListAsync();
        DateOnly? endedOn = a.Stage != Stage.Ended ? null
            : a.EndsOn ?? (transitions.LastOrDefault(t => t.To == Stage.Ended) is { } ended
                ? DateOnly.FromDateTime(EnglandClock.ToEnglandTime(ended.At)) : null);
        long? final = funding?.Outcome switch
        {
            FundingOutcome.Approved => funding.DecidedWeeklyPence ?? funding.ProposedWeeklyPence,
            FundingOutcome.ApprovedDifferentAmount => funding.DecidedWeeklyPence,
            FundingOutcome.ReturnedForChanges or null => null,
        };
        return new ArrangementStatusDto(a.Id, a.Reference, a.PersonId, personReference, a.ExternalReference,
            a.Stage, a.Stage.Label(), a.Stage.WhatHappensNext(), a.StageChangedAt, JourneyRules.Targets(a.Stage),
            a.Route, a.Channel, new ArrangementDatesDto(a.EnquiryOn, a.AssessedOn, a.FirstPaymentOn, endedOn),
            a.AssessmentReference, a.NeedLevel,
            a.IndicativeWeeklyPence, funding?.ProposedWeeklyPence, final, funding?.ContributionWeeklyPence,
            a.PaymentMethod, transitions);
    }

    /// <summary>Every read of an arrangement is in the audit trail, against the person, so they can see a council system looked.</summary>
    private static async Task AuditViewAsync(DpDbContext db, Arrangement arrangement, string what)
    {
        db.RecordAudit("arrangement.viewed", nameof(Arrangement), arrangement.Id.ToString(), arrangement.PersonId, details: $"API: {what}");
        await db.SaveChangesAsync();
    }

    /// <summary>A child's direct payment goes to a parent under the Children Act; otherwise the adult route until the practitioner says more.</summary>
    private static LegalRoute DefaultRoute(Person person, DateOnly today) =>
        person.AgeBandOn(today) == AgeBand.Child ? LegalRoute.Child : LegalRoute.AdultWithCapacity;

    private static Who ApiCaller(ClaimsPrincipal user) => new(null, $"API key: {user.Identity?.Name ?? "unknown"}");

    private static TEnum? ParseEnum<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => string.Equals(v.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string AllowedValues<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string CamelCase(string field) => char.ToLowerInvariant(field[0]) + field[1..];

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has problems", type: ValidationType);

    private static ProblemDetails Problem(int status, string type, string title, string detail) => new()
    {
        Type = ProblemBase + type,
        Title = title,
        Status = status,
        Detail = detail,
    };

    /// <summary>A journey rule said no: the refusal's stable code names the problem type, and its sentence is the detail.</summary>
    private static ProblemDetails Refused(int status, Refusal refusal, Stage stage)
    {
        var problem = Problem(status, "journey/" + refusal.Code, "The journey's rules do not allow this", refusal.Message);
        problem.Extensions["code"] = refusal.Code;
        problem.Extensions["stage"] = stage.ToString();
        return problem;
    }

    private static ProblemDetails ChangedMeanwhile() => Problem(StatusCodes.Status409Conflict, "concurrency", "Changed by someone else",
        "Someone else changed this direct payment at the same time, so nothing was saved. Read it again and retry");

    private static ProblemHttpResult ArrangementNotFound() => TypedResults.Problem(Problem(StatusCodes.Status404NotFound,
        "arrangement-not-found", "Direct payment not found", "There is no direct payment with this id in your council."));
}
