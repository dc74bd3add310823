using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>A demo sign-in listed on the start page in development.</summary>
public sealed record DemoAccount(Role Role, string Email, string DisplayName, string WhatTheySee);

/// <summary>
/// Seeds "Exampleshire County Council" (DESIGN.md section 5): teams, people at different ages and
/// circumstances, one sign-in per role, and a support organisation that also works for a second
/// council. Running it again changes nothing.
/// </summary>
public sealed class DemoSeeder(DpDbContext db, UserManager<AppUser> users, ActorContext actor, TimeProvider clock, JourneyBuilder journeys, ILogger<DemoSeeder> logger,
    MoneyPaymentsDemo payments, MoneyStatementsDemo statements, MoneyMonitoringDemo moneyMonitoring)
{
    /// <summary>The password of every demo account. Demo accounts are for trying the platform, never for real data.</summary>
    public const string Password = "Exampleshire demo 2026";

    public const string CouncilSlug = "exampleshire";
    public const string SecondCouncilSlug = "otherborough";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Role.Person, "amara.okafor@demo.example", "Amara Okafor", "Her own record and who has looked at it"),
        new(Role.Person, "grace.bennett@demo.example", "Grace Bennett", "The record of her son Leo, whose direct payment she manages as his parent"),
        new(Role.PersonalAssistant, "tom.fisher@demo.example", "Tom Fisher", "A personal assistant's home page"),
        new(Role.Practitioner, "priya.shah@demo.example", "Priya Shah", "The Adults North team's caseload"),
        new(Role.SupportWorker, "sam.carter@demo.example", "Sam Carter", "Works for a support service with contracts in two councils, so chooses a council first"),
        new(Role.FinanceOfficer, "fiona.reid@demo.example", "Fiona Reid", "Every person's record in the council"),
        new(Role.Manager, "mark.evans@demo.example", "Mark Evans", "The Adults North team, and who has looked at records"),
        new(Role.Commissioner, "chloe.adams@demo.example", "Chloe Adams", "The commissioner's home page"),
        new(Role.Trainer, "tariq.hussain@demo.example", "Tariq Hussain", "The trainer's home page"),
        new(Role.CouncilAdmin, "alex.morgan@demo.example", "Alex Morgan", "Users, invitations, API keys and the audit trail"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Councils.AnyAsync(c => c.Slug == CouncilSlug, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var council = new Council
        {
            Id = Guid.CreateVersion7(), Name = "Exampleshire County Council", Slug = CouncilSlug,
            ServiceName = "Exampleshire direct payments", ContactEmail = "direct.payments@exampleshire.example",
            ContactPhone = "01632 960 000", CreatedAt = now,
        };
        var other = new Council
        {
            Id = Guid.CreateVersion7(), Name = "Otherborough Council", Slug = SecondCouncilSlug,
            ServiceName = "Otherborough direct payments", ContactEmail = "dp@otherborough.example",
            ContactPhone = "01632 960 999", CreatedAt = now,
        };
        var cil = new Organisation { Id = Guid.CreateVersion7(), Name = "Shire Centre for Independent Living", CreatedAt = now };
        db.Councils.AddRange(council, other);
        db.Organisations.Add(cil);
        await db.SaveChangesAsync(cancellationToken);

        actor.System("seed", council.Id);
        var north = new Team { Id = Guid.CreateVersion7(), Name = "Adults North team" };
        var south = new Team { Id = Guid.CreateVersion7(), Name = "Adults South team" };
        var children = new Team { Id = Guid.CreateVersion7(), Name = "Children with disabilities team" };
        db.Teams.AddRange(north, south, children);
        db.OrganisationContracts.Add(new OrganisationContract
        {
            Id = Guid.CreateVersion7(), OrganisationId = cil.Id, Description = "Direct payment support service",
            StartsOn = today.AddYears(-2), EndsOn = null,
        });

        var people = new List<Person>
        {
            NewPerson("EX-000101", "Amara", "Okafor", new DateOnly(1987, 3, 14), north, "12 Mill Lane", "Northam", "EX1 4AB"),
            NewPerson("EX-000102", "Leo", "Bennett", new DateOnly(2014, 9, 2), children, "3 Orchard Close", "Southby", "EX7 2CD"),
            NewPerson("EX-000103", "Edith", "Clarke", new DateOnly(1944, 1, 30), north, "Flat 4, Rowan Court", "Northam", "EX1 9EF"),
            NewPerson("EX-000104", "Daniel", "Mensah", new DateOnly(2001, 6, 21), north, "27 Station Road", "Northam", "EX2 3GH"),
            NewPerson("EX-000105", "Margaret", "Hughes", new DateOnly(1951, 11, 5), south, "8 Church View", "Southby", "EX8 1JK"),
            NewPerson("EX-000106", "Ravi", "Patel", new DateOnly(1979, 4, 17), south, "41 Canal Street", "Southby", "EX8 6LM"),
            NewPerson("EX-000107", "Siobhan", "Kelly", new DateOnly(1968, 8, 9), north, "2 Hill Top", "Westford", "EX4 5NP"),
            NewPerson("EX-000108", "Joseph", "Wright", new DateOnly(1939, 12, 24), south, "The Bungalow, Green Lane", "Eastmere", "EX9 7QR"),
            NewPerson("EX-000109", "Aisha", "Rahman", new DateOnly(1995, 2, 28), north, "19 Park Avenue", "Northam", "EX1 2ST"),
            NewPerson("EX-000110", "Harry", "Collins", new DateOnly(2008, 5, 11), children, "6 Willow Way", "Westford", "EX4 8UV"),
            NewPerson("EX-000111", "Beatrice", "Lewis", new DateOnly(1958, 7, 3), south, "14 Harbour Road", "Eastmere", "EX9 3WX"),
            NewPerson("EX-000112", "Kwame", "Asante", new DateOnly(1990, 10, 19), north, "55 Queen Street", "Northam", "EX2 6YZ"),
        };
        db.People.AddRange(people);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = account.Email, Email = account.Email, EmailConfirmed = true,
                DisplayName = account.DisplayName, Role = account.Role, IsDemo = true, CreatedAt = now,
                CouncilId = account.Role == Role.SupportWorker ? null : council.Id,
                OrganisationId = account.Role == Role.SupportWorker ? cil.Id : null,
                TeamId = account.Role is Role.Practitioner or Role.Manager ? north.Id : null,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not create a demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            if (account.Role == Role.Person)
            {
                var (person, relationship) = account.DisplayName.StartsWith("Amara", StringComparison.Ordinal)
                    ? (people[0], Relationship.Self)
                    : (people[1], Relationship.Parent);
                db.PersonAccess.Add(new PersonAccess { Id = Guid.CreateVersion7(), PersonId = person.Id, UserId = user.Id, Relationship = relationship });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await SeedJourneysAsync(council.Id, people, today);
        // Money (issue #4): payment runs first, then the card statement, then the wallet's receipts.
        await payments.SeedAsync(today);
        await statements.SeedAsync(council.Id, people[0], cancellationToken);
        await MoneyWalletDemo.SeedAsync(db, clock, cancellationToken);

        actor.System("seed", other.Id);
        db.OrganisationContracts.Add(new OrganisationContract
        {
            Id = Guid.CreateVersion7(), OrganisationId = cil.Id, Description = "Employer support for people who employ personal assistants",
            StartsOn = today.AddYears(-1), EndsOn = null,
        });
        var nora = new Person
        {
            Id = Guid.CreateVersion7(), Reference = "OB-000001", GivenName = "Nora", FamilyName = "Price",
            DateOfBirth = new DateOnly(1961, 2, 12), Town = "Otherborough", Postcode = "OB1 1AA", CreatedAt = now,
        };
        db.People.Add(nora);
        await db.SaveChangesAsync(cancellationToken);
        // The second council has its own journey, so tests can check nothing of it shows in the first.
        var noraArrangement = await journeys.WalkToAsync(nora, Stage.Active, new JourneyShape { StartedDaysAgo = 250 });
        await journeys.AddReviewAsync(noraArrangement, today.AddDays(-10));
        await payments.SeedAsync(today);
        // Monitoring goes last, after the money other parts of the demo seed (issue #4).
        await moneyMonitoring.SeedAsync(council.Id, cancellationToken);
        logger.LogInformation("Seeded the demo council {CouncilId} and a second council {OtherCouncilId}", council.Id, other.Id);

        Person NewPerson(string reference, string given, string family, DateOnly born, Team team, string line1, string town, string postcode) => new()
        {
            Id = Guid.CreateVersion7(), Reference = reference, GivenName = given, FamilyName = family, DateOfBirth = born,
            AddressLine1 = line1, Town = town, Postcode = postcode, TeamId = team.Id, CreatedAt = now,
            Email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@demo.example", Phone = "07700 900" + reference[^3..],
        };
    }

    /// <summary>
    /// Arrangements at every stage of the journey (DESIGN.md section 5), walked through the real rules
    /// by <see cref="JourneyBuilder"/>, including a refusal with a request to look again, a funding
    /// decision different from the proposal, a child's direct payment with an overdue visit, and reviews.
    /// </summary>
    private async Task SeedJourneysAsync(Guid councilId, IReadOnlyList<Person> people, DateOnly today)
    {
        actor.System("seed", councilId);
        await journeys.EnsureAllocationToolAsync(councilId);
        Person P(string reference) => people.Single(p => p.Reference == reference);

        // Amara: active for eight months, employs a personal assistant, first review done.
        var amara = await journeys.WalkToAsync(P("EX-000101"), Stage.Active, new JourneyShape { StartedDaysAgo = 300 });
        await journeys.AddReviewAsync(amara, today.AddDays(-40));

        // Leo: a child's direct payment managed by his mother; the six-monthly visit is overdue.
        await journeys.WalkToAsync(P("EX-000102"), Stage.Active, new JourneyShape
        {
            StartedDaysAgo = 260, NeedLevel = NeedLevel.High, WeeklyContribution = Money.Zero, EmploysPersonalAssistant = false,
            PaymentMethod = PaymentMethod.VirtualWallet,
            EligibleNeeds = "Leo has autism and needs support to take part in activities outside school and to give his family short breaks.",
            Outcomes = [("Leo wants to go swimming and to the Saturday club with other children.", "A sessional support worker from a local organisation."), ("We want a few hours' break each week.", "Saturday club and after-school sessions.")],
            Costs = [(CostCategory.Activities, "Saturday club, 4 hours", 240, Money.FromPounds(96.00m)), (CostCategory.Agency, "Sessional support worker for swimming, 3 hours", 180, Money.FromPounds(78.00m))],
        });

        // Edith: an older person at enquiry, with a home visit booked.
        var edith = await journeys.WalkToAsync(P("EX-000103"), Stage.Enquiry, new JourneyShape { StartedDaysAgo = 3, EnquiryNotes = "Her neighbour Joan helps already and Edith would like to pay her to help in the mornings." });
        await journeys.BookHomeVisitAsync(edith, today.AddDays(4));

        // Daniel: a young man with a learning disability planning activities with a micro-enterprise.
        await journeys.WalkToAsync(P("EX-000104"), Stage.Planning, new JourneyShape
        {
            StartedDaysAgo = 30, EmploysPersonalAssistant = false,
            EligibleNeeds = "Daniel has a learning disability and needs support to take part in activities, keep fit and make friends.",
            Outcomes = [("I want to go to the gym and play football with my mates.", "A local micro-enterprise runs supported gym sessions and a football club.")],
            Costs = [(CostCategory.Activities, "Supported gym sessions with Fit Together CIC, twice a week", 240, Money.FromPounds(60.00m)), (CostCategory.Activities, "Football club subs and support worker", 120, Money.FromPounds(45.00m))],
        });

        await journeys.WalkToAsync(P("EX-000105"), Stage.Suitability, new JourneyShape { StartedDaysAgo = 40 });
        await journeys.WalkToAsync(P("EX-000106"), Stage.FundingDecision, new JourneyShape { StartedDaysAgo = 45 });
        await journeys.WalkToAsync(P("EX-000107"), Stage.Agreement, new JourneyShape
        {
            StartedDaysAgo = 50,
            FundingOverturn = (Money.FromPounds(220.00m), "The panel agreed 14 hours of personal assistant time at the council's usual rate of £13.50 plus on-costs, and asked that transport be met from the mobility component of benefits."),
        });
        await journeys.WalkToAsync(P("EX-000108"), Stage.SetUp, new JourneyShape { StartedDaysAgo = 55, NeedLevel = NeedLevel.High });
        await journeys.WalkToAsync(P("EX-000109"), Stage.Assessment, new JourneyShape { StartedDaysAgo = 12 });
        await journeys.WalkToAsync(P("EX-000110"), Stage.Suspended, new JourneyShape { StartedDaysAgo = 200, Route = LegalRoute.AdultWithCapacity });
        await journeys.WalkToAsync(P("EX-000111"), Stage.Ended, new JourneyShape { StartedDaysAgo = 400 });
        var kwame = await journeys.WalkToAsync(P("EX-000112"), Stage.Suitability, new JourneyShape
        {
            StartedDaysAgo = 35,
            RefusalReasons = "We are not yet satisfied that the payments can be managed, because there is nobody to help with payroll at the moment. We would like to offer the support service or a managed account first.",
        });
        await journeys.AskToLookAgainAsync(kwame, "My brother has said he will help me with the payroll, and I would like to use the support service too. Please look at this again.");
    }
}
