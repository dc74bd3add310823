using System.Text.Json;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>What a walked journey looks like; every part has a sensible default.</summary>
public sealed class JourneyShape
{
    public LegalRoute? Route { get; set; }

    public NeedLevel NeedLevel { get; set; } = NeedLevel.Moderate;

    public string EligibleNeeds { get; set; } = "Needs help with personal care in the morning and evening, preparing meals, and getting out to see friends.";

    public List<(string InTheirWords, string HowItIsMet)> Outcomes { get; set; } =
    [
        ("I want to get up and dressed at a time I choose.", "A personal assistant visits every morning."),
        ("I want to see my friends at the community café each week.", "Support to get there and back on Thursdays."),
    ];

    public List<(CostCategory Category, string Description, int WeeklyMinutes, Money Weekly)> Costs { get; set; } =
    [
        (CostCategory.PersonalAssistant, "Personal assistant, 14 hours a week at £13.50 an hour plus on-costs", 14 * 60, Money.FromPounds(215.60m)),
        (CostCategory.Transport, "Taxi to the community café and back", 0, Money.FromPounds(24.00m)),
    ];

    public Money WeeklyContribution { get; set; } = Money.FromPounds(35.00m);

    public bool EmploysPersonalAssistant { get; set; } = true;

    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.PrepaymentCard;

    /// <summary>When set, the suitability decision is a refusal with these reasons, and the journey stops there.</summary>
    public string? RefusalReasons { get; set; }

    /// <summary>When set with an approved budget, the manager agrees a different weekly amount, with these reasons.</summary>
    public (Money Weekly, string Reasons)? FundingOverturn { get; set; }

    /// <summary>How many days ago the enquiry came in; the steps are spread over that time.</summary>
    public int StartedDaysAgo { get; set; } = 60;

    public string? EnquiryNotes { get; set; } = "Would like more choice over who helps and when.";
}

/// <summary>
/// Walks a person's direct payment to any stage through the real rules (<see cref="JourneyActions"/>
/// and the Domain), as a practitioner, the person and a manager would. The demo council and the tests
/// use it, so demo data is always data the platform itself could have made.
/// </summary>
public sealed class JourneyBuilder(DpDbContext db, JourneyActions journey)
{
    private static readonly TimeSpan MorningUtc = TimeSpan.FromHours(10);

    /// <summary>The council's allocation tool, made with default rates if it has none yet.</summary>
    public async Task<AllocationToolVersion> EnsureAllocationToolAsync(Guid councilId)
    {
        var existing = await db.AllocationToolVersions.Include(v => v.Rates).Where(v => v.CouncilId == councilId)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }
        var version = new AllocationToolVersion
        {
            Id = journey.NewId(), CouncilId = councilId, Version = 1, EffectiveFrom = journey.Today.AddYears(-1),
            CreatedAt = journey.Now, CreatedByName = Who.System.Name,
            Notes = "Starting rates for the demo council: weekly amounts by age band and need level. A starting point only.",
        };
        var weekly = new Dictionary<NeedLevel, decimal> { [NeedLevel.Low] = 95m, [NeedLevel.Moderate] = 210m, [NeedLevel.High] = 380m, [NeedLevel.VeryHigh] = 620m };
        foreach (var band in Enum.GetValues<AgeBand>())
        {
            foreach (var (level, pounds) in weekly)
            {
                var adjusted = band switch
                {
                    AgeBand.Child => pounds * 0.8m,
                    AgeBand.Adult18To64 => pounds,
                    AgeBand.Adult65AndOver => pounds * 0.9m,
                };
                version.Rates.Add(new AllocationRate { Id = journey.NewId(), VersionId = version.Id, AgeBand = band, NeedLevel = level, WeeklyPence = (long)decimal.Round(adjusted * 100m) });
            }
        }
        db.AllocationToolVersions.Add(version);
        await db.SaveChangesAsync();
        return version;
    }

    /// <summary>Starts an enquiry for the person and walks it to the target stage. The journey's dates are spread back in time.</summary>
    public async Task<Arrangement> WalkToAsync(Person person, Stage target, JourneyShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        shape ??= new JourneyShape();
        var today = journey.Today;
        var practitioner = await StaffAsync(person.CouncilId, Role.Practitioner);
        var manager = await StaffAsync(person.CouncilId, Role.Manager);
        var signer = await PersonSignerAsync(person);
        var route = shape.Route ?? (person.AgeOn(today) < 18 ? LegalRoute.Child : LegalRoute.AdultWithCapacity);
        var stepDays = Math.Max(1, shape.StartedDaysAgo / 8);
        var day = today.AddDays(-shape.StartedDaysAgo);

        var a = journey.StartEnquiry(person, EnquiryChannel.Practitioner, route, shape.EnquiryNotes, practitioner);
        a.EnquiryOn = day;
        a.PractitionerId = practitioner.UserId;
        await SaveAtAsync(day);
        if (target == Stage.Enquiry)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        await MoveAsync(a, Stage.Assessment, practitioner, day);
        if (target == Stage.Assessment)
        {
            return a;
        }

        var tool = await EnsureAllocationToolAsync(person.CouncilId);
        a.AssessmentReference = "CS-" + person.Reference[^6..];
        a.AssessedOn = day;
        a.EligibleNeeds = shape.EligibleNeeds;
        a.NeedLevel = shape.NeedLevel;
        a.IndicativeWeeklyPence = tool.Indicative(person.AgeBandOn(today), shape.NeedLevel)?.Pence;
        a.AllocationToolVersionId = tool.Id;
        day = Next(day, stepDays, today);
        await MoveAsync(a, Stage.Planning, practitioner, day);

        var plan = new SupportPlan
        {
            Id = journey.NewId(), ArrangementId = a.Id, Version = 1, Status = PlanStatus.Draft, CreatedAt = journey.Now,
            ContingencyPlan = "If my personal assistant is ill, my sister covers the morning visits and the support service helps find cover.",
            CircleOfSupport = "My sister, my neighbour, and the friends I meet at the café.",
            CanBeUsedFor = SupportPlanRules.DefaultCanBeUsedFor,
        };
        plan.Outcomes.AddRange(shape.Outcomes.Select((o, i) => new PlanOutcome { Id = journey.NewId(), PlanId = plan.Id, Order = i, InTheirWords = o.InTheirWords, HowItIsMet = o.HowItIsMet }));
        plan.Costs.AddRange(shape.Costs.Select((c, i) => new PlanCost { Id = journey.NewId(), PlanId = plan.Id, Order = i, Category = c.Category, Description = c.Description, WeeklyMinutes = c.WeeklyMinutes, WeeklyPence = c.Weekly.Pence }));
        db.SupportPlans.Add(plan);
        await db.SaveChangesAsync();
        if (target == Stage.Planning)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        plan.Status = PlanStatus.Agreed;
        plan.AgreedAt = At(day);
        plan.AgreedByUserId = signer.UserId;
        plan.AgreedByName = signer.Name;
        await db.SaveChangesAsync();
        await MoveAsync(a, Stage.Suitability, practitioner, day);

        day = Next(day, stepDays, today);
        var facts = SuitableFacts(route, plan.PaysCloseFamilyInHousehold, shape.RefusalReasons is not null);
        var results = SuitabilityRules.Evaluate(facts, day);
        db.SuitabilityDecisions.Add(new SuitabilityDecision
        {
            Id = journey.NewId(), ArrangementId = a.Id, FactsJson = JsonSerializer.Serialize(facts),
            Outcome = SuitabilityRules.Outcome(results) ?? SuitabilityOutcome.Refused,
            RefusalReason = shape.RefusalReasons is null ? null : RefusalReason.NotCapableOfManaging,
            Reasons = shape.RefusalReasons, DecidedOn = day, DecidedByUserId = practitioner.UserId, DecidedByName = practitioner.Name, RecordedAt = At(day),
        });
        await db.SaveChangesAsync();
        if (target == Stage.Suitability || shape.RefusalReasons is not null)
        {
            return a;
        }
        await MoveAsync(a, Stage.FundingDecision, practitioner, day);

        var funding = new FundingDecision
        {
            Id = journey.NewId(), ArrangementId = a.Id, PlanId = plan.Id, ProposedWeeklyPence = plan.WeeklyTotal.Pence,
            IndicativeWeeklyPence = a.IndicativeWeeklyPence,
            SufficiencyReasons = plan.WeeklyTotal.Pence == a.IndicativeWeeklyPence ? null : "The costed plan meets the eligible needs; the personal assistant's hourly rate includes holiday pay and employer costs.",
            ContributionWeeklyPence = shape.WeeklyContribution.Pence, Basis = PaymentBasis.Net, Frequency = PaymentFrequency.FourWeekly,
            ProposedByUserId = practitioner.UserId, ProposedByName = practitioner.Name, ProposedAt = At(day),
        };
        db.FundingDecisions.Add(funding);
        await db.SaveChangesAsync();
        if (target == Stage.FundingDecision)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        funding.Outcome = shape.FundingOverturn is null ? FundingOutcome.Approved : FundingOutcome.ApprovedDifferentAmount;
        funding.DecidedWeeklyPence = shape.FundingOverturn?.Weekly.Pence ?? funding.ProposedWeeklyPence;
        funding.DecisionReasons = shape.FundingOverturn?.Reasons;
        funding.DecidedByUserId = manager.UserId;
        funding.DecidedByName = manager.Name;
        funding.DecidedAt = At(day);
        await db.SaveChangesAsync();
        await MoveAsync(a, Stage.Agreement, manager, day);

        var agreement = await ComposeAgreementAsync(a, person, plan, funding, route);
        if (target == Stage.Agreement)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        agreement.Signatures.Add(Signature(agreement, signer.Kind, signer.UserId, signer.Name, day));
        agreement.Signatures.Add(Signature(agreement, SignerKind.Council, practitioner.UserId, practitioner.Name, day));
        agreement.Status = AgreementStatus.FullySigned;
        a.WillEmployPersonalAssistant = shape.EmploysPersonalAssistant;
        await db.SaveChangesAsync();
        await MoveAsync(a, Stage.SetUp, practitioner, day);
        if (target == Stage.SetUp)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        a.PaymentMethod = shape.PaymentMethod;
        a.SupportReferralOn = day;
        a.SignUpVisitOn = day;
        a.SignUpChecklistDone = string.Join(",", SignUpChecklist.Items.Select(i => i.Code));
        a.FirstPaymentOn = day;
        a.PersonalAssistantStartsOn = shape.EmploysPersonalAssistant ? day : null;
        foreach (var task in await db.Tasks.Where(t => t.ArrangementId == a.Id && t.CompletedOn == null).ToListAsync())
        {
            await journey.CompleteTaskAsync(a, task, day, "Done at the sign-up visit.", practitioner);
        }
        await db.SaveChangesAsync();
        await MoveAsync(a, Stage.Active, practitioner, day);
        if (target == Stage.Active)
        {
            return a;
        }

        day = Next(day, stepDays, today);
        if (target == Stage.Suspended)
        {
            await MoveAsync(a, Stage.Suspended, practitioner, day, "In hospital for a few weeks; payments paused at the family's request.");
            return a;
        }
        a.EndedBy = EndedBy.Person;
        a.EndingReason = EndingReason.PersonChoseToStop;
        a.NoticeGivenOn = day;
        a.EndsOn = day;
        await MoveAsync(a, Stage.Ended, signer.Who, day, "Moving in with family, who will provide support; would rather the council arranged the rest.", Mover.Person);
        return a;
    }

    /// <summary>Books a home visit for the person, which they see on their own page.</summary>
    public async Task BookHomeVisitAsync(Arrangement arrangement, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, on, "To talk about needs and what a direct payment could do.", bookedFor: on);
        await db.SaveChangesAsync();
    }

    /// <summary>The person asks for a refused direct payment to be looked at again, which opens a task for the team.</summary>
    public async Task AskToLookAgainAsync(Arrangement arrangement, string why)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var refusal = await db.SuitabilityDecisions.Where(d => d.ArrangementId == arrangement.Id && d.Outcome == SuitabilityOutcome.Refused)
            .OrderByDescending(d => d.RecordedAt).FirstAsync();
        refusal.ReconsiderationRequestedAt = journey.Now;
        refusal.ReconsiderationRequest = why;
        await journey.AddTaskAsync(arrangement, TaskKind.Reconsideration, journey.Today.AddDays(TaskRules.ReconsiderationWithinDays), why);
        await db.SaveChangesAsync();
    }

    /// <summary>Records a completed review of an active direct payment, completing the open review task and opening the next.</summary>
    public async Task<Review> AddReviewAsync(Arrangement arrangement, DateOnly heldOn, bool full = true)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var practitioner = await StaffAsync(arrangement.CouncilId, Role.Practitioner);
        var task = await db.Tasks.Where(t => t.ArrangementId == arrangement.Id && t.Kind == TaskKind.Review && t.CompletedOn == null).FirstOrDefaultAsync();
        var review = new Review
        {
            Id = journey.NewId(), ArrangementId = arrangement.Id, TaskId = task?.Id, HeldOn = heldOn, IsFullReview = full,
            WhatIsWorking = "Mornings are much better: the same personal assistant comes each day and knows how I like things done.",
            WhatIsNotWorking = "Finding cover when the personal assistant is on holiday has been hard.",
            ChangesAgreed = "The support service will help recruit a second personal assistant for holiday cover.",
            RecordedByUserId = practitioner.UserId, RecordedByName = practitioner.Name, RecordedAt = At(heldOn),
        };
        db.Reviews.Add(review);
        if (task is not null)
        {
            await journey.CompleteTaskAsync(arrangement, task, heldOn, "Review held.", practitioner);
        }
        if (full)
        {
            await journey.AddTaskAsync(arrangement, TaskKind.Review, TaskRules.NextReviewDue(heldOn, arrangement.ReviewIntervalMonths));
        }
        await db.SaveChangesAsync();
        return review;
    }

    private async Task<AgreementVersion> ComposeAgreementAsync(Arrangement a, Person person, SupportPlan plan, FundingDecision funding, LegalRoute route)
    {
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == person.CouncilId);
        var representative = await db.PersonAccess.AsNoTracking().Where(x => x.PersonId == person.Id && x.Relationship != Relationship.Self)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.DisplayName, x.Relationship }).FirstOrDefaultAsync();
        var inputs = new AgreementInputs(
            council.Name, $"{council.ContactEmail} or {council.ContactPhone}", person.FullName, person.Reference, a.Reference,
            representative?.DisplayName, representative?.Relationship.Label().ToLowerInvariant(), route, plan.Version,
            [.. plan.Outcomes.OrderBy(o => o.Order).Select(o => (o.InTheirWords, o.HowItIsMet))],
            [.. plan.Costs.OrderBy(c => c.Order).Select(c => (c.Category, c.Description, new Money(c.WeeklyPence)))],
            plan.CanBeUsedFor ?? SupportPlanRules.DefaultCanBeUsedFor,
            new Money(funding.DecidedWeeklyPence ?? funding.ProposedWeeklyPence), new Money(funding.ContributionWeeklyPence),
            funding.Basis, funding.Frequency, new Money(funding.OneOffPence), 8, a.ReviewIntervalMonths);
        var text = AgreementRules.Compose(inputs);
        var agreement = new AgreementVersion
        {
            Id = journey.NewId(), ArrangementId = a.Id, Version = 1, PlanId = plan.Id, FundingDecisionId = funding.Id,
            Status = AgreementStatus.AwaitingSignatures, Text = text, TextHash = AgreementRules.Hash(text), CreatedAt = journey.Now,
        };
        db.AgreementVersions.Add(agreement);
        await db.SaveChangesAsync();
        return agreement;
    }

    private static SuitabilityFacts SuitableFacts(LegalRoute route, bool paysFamily, bool refuse) => new()
    {
        Route = route,
        Requested = Answer.Yes,
        HasCapacityToRequest = Answer.Yes,
        Authorisation = route == LegalRoute.AdultLackingCapacity ? AuthorisationBasis.MentalCapacityActAttorneyOrDeputy : null,
        ActsInBestInterests = Answer.Yes,
        AuthorisedPersonIsFamilyOrFriend = true,
        HasParentalResponsibilityOrIs16Or17 = Answer.Yes,
        CapableWithHelp = refuse ? Answer.No : Answer.Yes,
        HelpAvailable = refuse ? null : "The direct payment support service helps with payroll and records.",
        Appropriate = Answer.Yes,
        PaysCloseFamilyInHousehold = paysFamily,
        FamilyPaymentNecessaryBecause = paysFamily ? "No other personal assistant can be found for the early morning visits in this rural area." : null,
    };

    private AgreementSignature Signature(AgreementVersion agreement, SignerKind kind, Guid? userId, string name, DateOnly day) => new()
    {
        Id = journey.NewId(), AgreementVersionId = agreement.Id, Kind = kind, Side = AgreementRules.SideOf(kind), UserId = userId,
        TypedName = name, AccountName = name, Confirmation = AgreementRules.Confirmation, SignedHash = agreement.TextHash, SignedAt = At(day),
    };

    private async Task MoveAsync(Arrangement a, Stage to, Who who, DateOnly day, string? reason = null, Mover by = Mover.Council)
    {
        if (await journey.MoveAsync(a, new MoveRequest(to, by, reason), who) is { } refusal)
        {
            throw new InvalidOperationException($"The demo journey could not move {a.Reference} to {to}: {refusal.Message}");
        }
        await SaveAtAsync(day);
        a.StageChangedAt = At(day);
        await db.SaveChangesAsync();
    }

    /// <summary>Saves, dating the timeline entries just added to the day the step happened.</summary>
    private async Task SaveAtAsync(DateOnly day)
    {
        foreach (var entry in db.ChangeTracker.Entries<ArrangementTransition>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.OccurredAt = At(day);
        }
        await db.SaveChangesAsync();
    }

    private static DateOnly Next(DateOnly day, int stepDays, DateOnly today) => day.AddDays(stepDays) > today ? today : day.AddDays(stepDays);

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.FromTimeSpan(MorningUtc), DateTimeKind.Utc);

    private async Task<Who> StaffAsync(Guid councilId, Role role)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.CouncilId == councilId && u.Role == role && u.DeactivatedAt == null)
            .OrderBy(u => u.CreatedAt).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync();
        return user is null ? Who.System : new Who(user.Id, user.DisplayName);
    }

    private sealed record Signer(Guid? UserId, string Name, SignerKind Kind)
    {
        public Who Who => new(UserId, Name);
    }

    private async Task<Signer> PersonSignerAsync(Person person)
    {
        var access = await db.PersonAccess.AsNoTracking().Where(x => x.PersonId == person.Id)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.DisplayName, x.Relationship })
            .OrderBy(x => x.Relationship).FirstOrDefaultAsync();
        return access is null
            ? new Signer(null, person.FullName, SignerKind.Person)
            : new Signer(access.Id, access.DisplayName, access.Relationship == Relationship.Self ? SignerKind.Person : SignerKind.Representative);
    }
}
