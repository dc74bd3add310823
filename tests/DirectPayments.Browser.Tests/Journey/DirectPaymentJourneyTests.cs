using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DirectPayments.Browser.Tests.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;
using static DirectPayments.Browser.Tests.Journey.JourneyPages;

namespace DirectPayments.Browser.Tests.Journey;

/// <summary>
/// Issue #3's "Done when": real people's journeys through the pages, each with its own person and sign-in, across
/// the practitioner's, the person's (or parent's) and the manager's own browsers. Three go all the way to Active and
/// through a review; a fourth is refused, asks for a second look and goes on. Along the way the practitioner's form
/// submissions from the enquiry to the signed agreement are counted, so a change that adds pages shows up.
/// </summary>
public sealed partial class DirectPaymentJourneyTests(BrowserAppFixture app)
{
    private const string Practitioner = "practitioner";
    private const string Manager = "manager";
    private const string PersonRole = "person";

    /// <summary>A straightforward case should not take the practitioner more submissions than this.</summary>
    private const int MaximumPractitionerSubmissions = 20;

    private static readonly DemoAccount Priya = DemoSeeder.Accounts.Single(a => a.Email == "priya.shah@demo.example");
    private static readonly DemoAccount Mark = DemoSeeder.Accounts.Single(a => a.Email == "mark.evans@demo.example");

    private static readonly ConcurrentDictionary<string, int> Submissions = new(StringComparer.Ordinal);

    private sealed record Cost(CostCategory Category, string Description, string Hours, string Weekly);

    private sealed record Case(
        string Name,
        LegalRoute Route,
        string EligibleNeeds,
        string NeedLevel,
        (string InTheirWords, string HowItIsMet)[] Outcomes,
        Cost[] Costs,
        bool EmploysPersonalAssistant,
        bool SignsAsRepresentative);

    [Fact]
    public async Task OlderPersonEmployingAPersonalAssistant_WalksToActiveAndThroughAReview()
    {
        var person = await app.CreatePersonAsync("Dorothy", "Ashworth", new DateOnly(1941, 5, 12), "Adults North team");
        var journey = new Case("older person employing a PA", LegalRoute.AdultWithCapacity,
            "Needs help getting up, washing and dressing each morning, and with meals.", "High",
            [("I want to stay in my own home and choose who helps me get up.", "A personal assistant I employ comes every morning.")],
            [new Cost(CostCategory.PersonalAssistant, "Personal assistant, 10 hours a week", "10", "165.00")],
            EmploysPersonalAssistant: true, SignsAsRepresentative: false);

        await WalkToActiveAndReviewAsync(person, journey, badAssessmentDate: true, signWithoutTicking: false);
    }

    [Fact]
    public async Task PersonWithALearningDisabilityBuyingActivities_WalksToActiveAndThroughAReview()
    {
        var person = await app.CreatePersonAsync("Callum", "Reilly", new DateOnly(1998, 2, 3), "Adults North team");
        var journey = new Case("person with a learning disability buying activities", LegalRoute.AdultWithCapacity,
            "Needs support to take part in activities in the community and to make friends.", "Moderate",
            [("I want to go to the pottery club with my friends on Tuesdays.", "Sessions at Clay Days, a local micro-enterprise, with support.")],
            [new Cost(CostCategory.Activities, "Clay Days micro-enterprise: supported pottery sessions", "6", "96.00")],
            EmploysPersonalAssistant: false, SignsAsRepresentative: false);

        await WalkToActiveAndReviewAsync(person, journey, badAssessmentDate: false, signWithoutTicking: true);
    }

    [Fact]
    public async Task ChildsFamily_ParentManagesIt_WalksToActiveAndThroughAReview()
    {
        var person = await app.CreatePersonAsync("Maisie", "Turner", new DateOnly(2016, 8, 20), "Adults North team",
            Relationship.Parent, "Rachel Turner");
        var journey = new Case("child's family, managed by a parent", LegalRoute.Child,
            "Maisie needs support to join in play and short breaks so her family can rest.", "Moderate",
            [("Maisie: I want to go to holiday club like my friends.", "A support worker goes with her to holiday club.")],
            [new Cost(CostCategory.Agency, "Support worker from an agency at holiday club", "5", "110.00")],
            EmploysPersonalAssistant: false, SignsAsRepresentative: true);

        await WalkToActiveAndReviewAsync(person, journey, badAssessmentDate: false, signWithoutTicking: false);
    }

    [Fact]
    public async Task RefusedPerson_ReadsTheReasons_AsksForASecondLook_AndTheJourneyGoesOn()
    {
        var person = await app.CreatePersonAsync("Trevor", "Hollis", new DateOnly(1972, 11, 30), "Adults North team");
        var journey = new Case("refused, then looked at again", LegalRoute.AdultWithCapacity,
            "Needs help with shopping and cooking.", "Low",
            [("I want to cook my own meals again.", "A personal assistant helps with shopping and cooking.")],
            [new Cost(CostCategory.PersonalAssistant, "Personal assistant, 4 hours a week", "4", "66.00")],
            EmploysPersonalAssistant: true, SignsAsRepresentative: false);

        await using var staff = await app.NewSessionAsync();
        await using var own = await app.NewSessionAsync();
        await using var manager = await app.NewSessionAsync();
        await staff.SignInAsync(Priya);
        await own.SignInAsync(person.Account);

        var arrangementId = await StartEnquiryAsync(staff, person, journey, bookHomeVisit: false);
        await RecordAssessmentAsync(staff, arrangementId, journey, badDate: false);
        await WritePlanAsync(staff, arrangementId, journey);
        await PersonAgreesPlanAsync(own, arrangementId);
        await MoveOnAsync(staff, arrangementId, "Move to suitability decision", "Suitability decision");

        // The practitioner refuses, with a reason code and written reasons.
        const string reasons = "We do not think you could manage the payments yet, even with the support service. We would like to try a managed account first.";
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/suitability");
        await AnswerSuitabilityAsync(staff.Page, journey.Route, capable: false);
        await ChooseAsync(staff.Page, "Decision", "Refused");
        await ChooseAsync(staff.Page, "RefusalReason", nameof(RefusalReason.NotCapableOfManaging));
        await FillAsync(staff.Page, "Reasons", reasons);
        await PressButtonAsync(staff, Practitioner, "Record decision");
        await Assertions.Expect(staff.Page.Locator("#decision")).ToContainTextAsync("A direct payment was refused");
        await Assertions.Expect(staff.Page.Locator("#reasons")).ToHaveTextAsync(reasons);
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Suitability decision");

        // The person reads the reasons on their own page and asks for a second look.
        await OpenAsync(own, PersonRole, "/my-direct-payment");
        var waiting = own.Page.Locator(".govuk-notification-banner");
        await Assertions.Expect(waiting).ToContainTextAsync("Read why a direct payment was refused");
        await Assertions.Expect(waiting).ToContainTextAsync(reasons);
        await FollowLinkAsync(own, PersonRole, "Read why a direct payment was refused");
        await Assertions.Expect(own.Page.Locator("#reasons")).ToHaveTextAsync(reasons);
        await Assertions.Expect(own.Page.Locator("main")).ToContainTextAsync(RefusalReason.NotCapableOfManaging.Label());
        await FollowLinkAsync(own, PersonRole, "Ask for this decision to be looked at again");
        Assert.EndsWith("/suitability/look-again", new Uri(own.Page.Url).AbsolutePath);
        await PressButtonAsync(own, PersonRole, "Send request");
        await ExpectErrorAsync(own, PersonRole, await own.Page.Locator(".govuk-error-summary__list a").First.InnerTextAsync(), "Why");
        const string why = "My daughter helps me with money every week and can help with the account too.";
        await FillAsync(own.Page, "Why", why);
        await PressButtonAsync(own, PersonRole, "Send request");
        await Assertions.Expect(own.Page.Locator(".govuk-panel")).ToBeVisibleAsync();
        await Assertions.Expect(own.Page.Locator("#what-happens-next")).ToContainTextAsync(Long(Today.AddDays(TaskRules.ReconsiderationWithinDays)));

        // The team's task list shows the reconsideration task.
        await OpenAsync(staff, Practitioner, "/tasks?Kind=Reconsideration");
        var taskRow = staff.Page.Locator("#tasks tr").Filter(new() { HasText = person.Reference });
        await Assertions.Expect(taskRow).ToContainTextAsync(TaskKind.Reconsideration.Label());

        // A manager who did not make the first decision records a new one, which answers the request.
        await manager.SignInAsync(Mark);
        await OpenAsync(manager, Manager, $"/arrangements/{arrangementId}/suitability");
        await Assertions.Expect(manager.Page.Locator("#reconsideration-request")).ToHaveTextAsync(why);
        await AnswerSuitabilityAsync(manager.Page, journey.Route, capable: true);
        await FillAsync(manager.Page, "HelpAvailable", "A managed account, with his daughter's help");
        await ChooseAsync(manager.Page, "Decision", "Suitable");
        await PressButtonAsync(manager, Manager, "Record decision");
        Assert.EndsWith("/funding", new Uri(manager.Page.Url).AbsolutePath);
        await ExpectStageAsync(manager, Manager, arrangementId, "Funding decision");

        await OpenAsync(staff, Practitioner, "/tasks?Kind=Reconsideration");
        await Assertions.Expect(staff.Page.Locator("#tasks tr").Filter(new() { HasText = person.Reference })
            .Filter(new() { HasText = TaskKind.Reconsideration.Label() })).ToHaveCountAsync(0);
        await OpenAsync(staff, Practitioner, "/tasks?Show=done&Kind=Reconsideration");
        await Assertions.Expect(staff.Page.Locator("#tasks tr").Filter(new() { HasText = person.Reference })
            .Filter(new() { HasText = TaskKind.Reconsideration.Label() })).ToContainTextAsync("Done");

        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await Assertions.Expect(own.Page.Locator(".what-happens-next")).ToHaveTextAsync(Stage.FundingDecision.WhatHappensNext());
    }

    private async Task WalkToActiveAndReviewAsync(TestPerson person, Case journey, bool badAssessmentDate, bool signWithoutTicking)
    {
        await using var staff = await app.NewSessionAsync();
        await using var own = await app.NewSessionAsync();
        await using var manager = await app.NewSessionAsync();
        await staff.SignInAsync(Priya);
        await own.SignInAsync(person.Account);

        // Count the practitioner's form submissions from here (after signing in) to the signed agreement.
        var posts = 0;
        var counting = true;
        staff.Page.Request += (_, request) =>
        {
            if (counting && request.Method == "POST" && request.IsNavigationRequest)
            {
                Interlocked.Increment(ref posts);
            }
        };

        var arrangementId = await StartEnquiryAsync(staff, person, journey, bookHomeVisit: true);
        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await Assertions.Expect(own.Page.Locator(".what-happens-next")).ToHaveTextAsync(Stage.Enquiry.WhatHappensNext());
        await Assertions.Expect(own.Page.Locator(".visits")).ToContainTextAsync(TaskKind.HomeVisit.Label());

        await RecordAssessmentAsync(staff, arrangementId, journey, badAssessmentDate);
        await WritePlanAsync(staff, arrangementId, journey);

        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await Assertions.Expect(own.Page.Locator(".what-happens-next")).ToHaveTextAsync(Stage.Planning.WhatHappensNext());
        await PersonAgreesPlanAsync(own, arrangementId);

        await MoveOnAsync(staff, arrangementId, "Move to suitability decision", "Suitability decision");
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/suitability");
        await AnswerSuitabilityAsync(staff.Page, journey.Route, capable: true);
        await ChooseAsync(staff.Page, "Decision", "Suitable");
        await PressButtonAsync(staff, Practitioner, "Record decision");
        Assert.EndsWith("/funding", new Uri(staff.Page.Url).AbsolutePath);
        if (journey.Route == LegalRoute.Child)
        {
            await OpenAsync(own, PersonRole, $"/arrangements/{arrangementId}/suitability");
            var condition = own.Page.Locator("[data-condition='parental-responsibility']");
            await Assertions.Expect(condition).ToContainTextAsync("parental responsibility");
            await Assertions.Expect(condition.Locator(".govuk-tag")).ToHaveTextAsync("Met");
        }

        // The practitioner proposes the budget from the plan; a manager agrees it.
        await Assertions.Expect(Field(staff.Page, "ProposedWeekly")).ToHaveValueAsync(new Regex(Regex.Escape(journey.Costs[0].Weekly)));
        await FillAsync(staff.Page, "Contribution", "0");
        await ChooseAsync(staff.Page, "Basis", nameof(PaymentBasis.Net));
        await ChooseAsync(staff.Page, "Frequency", nameof(PaymentFrequency.FourWeekly));
        await FillAsync(staff.Page, "SufficiencyReasons", "The costed plan meets every eligible need at the council's usual rates.");
        await PressButtonAsync(staff, Practitioner, "Propose budget");
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Funding decision");

        await manager.SignInAsync(Mark);
        await OpenAsync(manager, Manager, "/funding-decisions");
        await Assertions.Expect(manager.Page.Locator("main")).ToContainTextAsync(person.FullName);
        await OpenAsync(manager, Manager, $"/arrangements/{arrangementId}/funding/decide");
        await ChooseAsync(manager.Page, "Outcome", nameof(FundingOutcome.Approved));
        await PressButtonAsync(manager, Manager, "Record decision");
        await ExpectStageAsync(manager, Manager, arrangementId, "Agreement");

        // The agreement: the practitioner creates it, the person (or parent) signs, then the council signs.
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/agreement");
        await PressButtonAsync(staff, Practitioner, "Create the agreement");
        await Assertions.Expect(staff.Page.Locator("main")).ToContainTextAsync("Nobody has signed this version yet");

        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await Assertions.Expect(own.Page.Locator(".what-happens-next")).ToHaveTextAsync(Stage.Agreement.WhatHappensNext());
        await FollowLinkAsync(own, PersonRole, "Read and sign your agreement (version 1)");
        if (journey.SignsAsRepresentative)
        {
            await Assertions.Expect(own.Page.Locator("main")).ToContainTextAsync($"You are signing for {person.FullName}, as the person who manages their direct payment");
        }
        await FillAsync(own.Page, "TypedName", person.Account.DisplayName);
        if (signWithoutTicking)
        {
            await PressButtonAsync(own, PersonRole, "Sign the agreement");
            await ExpectErrorAsync(own, PersonRole, await own.Page.Locator(".govuk-error-summary__list a").First.InnerTextAsync(), "Confirmed");
            await Assertions.Expect(own.Page.Locator("main")).ToContainTextAsync("Nobody has signed this version yet");
            await FillAsync(own.Page, "TypedName", person.Account.DisplayName);
        }
        await ChooseAsync(own.Page, "Confirmed", "True");
        await PressButtonAsync(own, PersonRole, "Sign the agreement");
        await Assertions.Expect(own.Page.Locator("main")).ToContainTextAsync("This version is waiting for the other signature");

        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/agreement");
        await FillAsync(staff.Page, "TypedName", Priya.DisplayName);
        await ChooseAsync(staff.Page, "Confirmed", "True");
        await PressButtonAsync(staff, Practitioner, "Sign the agreement");
        counting = false;
        var signatures = staff.Page.Locator("main table").Filter(new() { Has = staff.Page.Locator("caption", new() { HasText = "Signatures on version 1" }) }).Locator("tbody tr");
        await Assertions.Expect(signatures).ToHaveCountAsync(2);
        await Assertions.Expect(signatures.Nth(0)).ToContainTextAsync(journey.SignsAsRepresentative ? SignerKind.Representative.Label() : SignerKind.Person.Label());
        await Assertions.Expect(signatures.Nth(0)).ToContainTextAsync(person.Account.DisplayName);
        await Assertions.Expect(signatures.Nth(1)).ToContainTextAsync(SignerKind.Council.Label());
        await Assertions.Expect(signatures.Nth(1)).ToContainTextAsync(Priya.DisplayName);
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Setting up");
        RecordSubmissions(journey.Name, posts);

        // Setting up, then active.
        var today = Today;
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/set-up");
        await ChooseAsync(staff.Page, "PaymentMethod", nameof(PaymentMethod.PrepaymentCard));
        await FillDateAsync(staff.Page, "SupportReferralOn", today);
        await ChooseAsync(staff.Page, "WillEmployPersonalAssistant", journey.EmploysPersonalAssistant ? "True" : "False");
        var assistantStarts = today.AddDays(14);
        if (journey.EmploysPersonalAssistant)
        {
            await FillDateAsync(staff.Page, "PersonalAssistantStartsOn", assistantStarts);
        }
        await FillDateAsync(staff.Page, "SignUpVisitOn", today);
        foreach (var (code, _) in SignUpChecklist.Items)
        {
            await ChooseAsync(staff.Page, "ChecklistDone", code);
        }
        await FillDateAsync(staff.Page, "FirstPaymentOn", today);
        await ChooseAsync(staff.Page, "MakeActive", "True");
        await PressButtonAsync(staff, Practitioner, "Save");
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Active");
        var openTasks = staff.Page.Locator("#open-tasks tbody tr");
        await Assertions.Expect(openTasks.Filter(new() { HasText = TaskKind.Review.Label() })).ToContainTextAsync(Long(today.AddMonths(6)));
        if (journey.EmploysPersonalAssistant)
        {
            await Assertions.Expect(openTasks.Filter(new() { HasText = TaskKind.SixWeekCheck.Label() })).ToContainTextAsync(Long(assistantStarts.AddDays(42)));
        }
        if (journey.Route == LegalRoute.Child)
        {
            await Assertions.Expect(openTasks.Filter(new() { HasText = TaskKind.ChildVisit.Label() })).ToHaveCountAsync(1);
        }

        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await Assertions.Expect(own.Page.Locator(".what-happens-next")).ToHaveTextAsync(Stage.Active.WhatHappensNext());
        await Assertions.Expect(own.Page.Locator(".dp-waiting")).ToHaveCountAsync(0);

        // The first review, from its task: a full review, then the next review is due.
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}");
        await PressAsync(staff, Practitioner, openTasks.Filter(new() { HasText = TaskKind.Review.Label() }).GetByRole(AriaRole.Link, new() { Name = TaskKind.Review.Label(), Exact = true }));
        await FollowLinkAsync(staff, Practitioner, "Record the review");
        await Assertions.Expect(staff.Page.Locator("#from-task")).ToContainTextAsync(Long(today.AddMonths(6)));
        await FillDateAsync(staff.Page, "HeldOn", today);
        await ChooseAsync(staff.Page, "ReviewType", await staff.Page.Locator("input[name='ReviewType']").First.GetAttributeAsync("value") ?? "");
        await FillAsync(staff.Page, "WhatIsWorking", "Having the same people help each week.");
        await FillAsync(staff.Page, "WhatIsNotWorking", "Nothing at the moment.");
        await PressButtonAsync(staff, Practitioner, "Save the review");
        Assert.Matches(new Regex("/reviews/[0-9a-f-]{36}$"), new Uri(staff.Page.Url).AbsolutePath);
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Active");
        await Assertions.Expect(staff.Page.Locator("#reviews")).ToContainTextAsync($"Review on {Long(today)}");
        await Assertions.Expect(openTasks.Filter(new() { HasText = TaskKind.Review.Label() })).ToHaveCountAsync(1);
        await Assertions.Expect(openTasks.Filter(new() { HasText = TaskKind.Review.Label() })).ToContainTextAsync(Long(today.AddMonths(12)));
    }

    private static async Task<Guid> StartEnquiryAsync(BrowserSession staff, TestPerson person, Case journey, bool bookHomeVisit)
    {
        await OpenAsync(staff, Practitioner, $"/people/{person.Id}");
        await FollowLinkAsync(staff, Practitioner, "Start a direct payment enquiry");
        await ChooseAsync(staff.Page, "Route", journey.Route.ToString());
        await ChooseAsync(staff.Page, "Channel", journey.SignsAsRepresentative ? nameof(EnquiryChannel.Representative) : nameof(EnquiryChannel.Person));
        await staff.Page.GetByLabel("What would they like help with?").FillAsync(journey.Outcomes[0].InTheirWords);
        if (bookHomeVisit)
        {
            await FillDateAsync(staff.Page, "HomeVisitOn", Today.AddDays(7));
        }
        await PressButtonAsync(staff, Practitioner, "Start the enquiry");
        var match = GuidPath().Match(new Uri(staff.Page.Url).AbsolutePath);
        Assert.True(match.Success, $"Expected the new arrangement's page, got {staff.Page.Url}.");
        var arrangementId = Guid.Parse(match.Groups[1].Value);
        await ExpectStageAsync(staff, Practitioner, arrangementId, "Enquiry");
        return arrangementId;
    }

    private static async Task RecordAssessmentAsync(BrowserSession staff, Guid arrangementId, Case journey, bool badDate)
    {
        await MoveOnAsync(staff, arrangementId, "Move to assessment", "Assessment");
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/assessment");
        await FillAsync(staff.Page, "AssessmentReference", "CS-" + arrangementId.ToString("N")[..6].ToUpperInvariant());
        await staff.Page.GetByLabel("Eligible needs").FillAsync(journey.EligibleNeeds);
        await ChooseAsync(staff.Page, "NeedLevel", journey.NeedLevel);
        await ChooseAsync(staff.Page, "Route", journey.Route.ToString());
        if (badDate)
        {
            await FillDateAsync(staff.Page, "AssessedOn", "31", "2", Today.Year.ToString(CultureInfo.InvariantCulture));
            await PressButtonAsync(staff, Practitioner, "Save and work out the indicative budget");
            await ExpectErrorAsync(staff, Practitioner, await staff.Page.Locator(".govuk-error-summary__list a").First.InnerTextAsync(), "AssessedOn.Day");
            await Assertions.Expect(staff.Page.Locator("#indicative-budget")).ToHaveCountAsync(0);
            await ExpectStageAsync(staff, Practitioner, arrangementId, "Assessment");
            await Assertions.Expect(staff.Page.Locator("#timeline tbody tr")).ToHaveCountAsync(2);
            await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/assessment");
            await Assertions.Expect(Field(staff.Page, "AssessmentReference")).ToHaveValueAsync("");
            await FillAsync(staff.Page, "AssessmentReference", "CS-" + arrangementId.ToString("N")[..6].ToUpperInvariant());
            await staff.Page.GetByLabel("Eligible needs").FillAsync(journey.EligibleNeeds);
            await ChooseAsync(staff.Page, "NeedLevel", journey.NeedLevel);
            await ChooseAsync(staff.Page, "Route", journey.Route.ToString());
        }
        await FillDateAsync(staff.Page, "AssessedOn", Today);
        await PressButtonAsync(staff, Practitioner, "Save and work out the indicative budget");
        await Assertions.Expect(staff.Page.Locator("#indicative-budget")).ToContainTextAsync("Indicative budget: £");
        await MoveOnAsync(staff, arrangementId, "Move to support planning", "Support planning");
    }

    private static async Task WritePlanAsync(BrowserSession staff, Guid arrangementId, Case journey)
    {
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}/plan");
        await PressButtonAsync(staff, Practitioner, "Start the support plan");
        Assert.EndsWith("/plan/edit", new Uri(staff.Page.Url).AbsolutePath);
        var page = staff.Page;
        for (var i = 0; i < journey.Outcomes.Length; i++)
        {
            await FillAsync(page, $"Outcomes[{i}].InTheirWords", journey.Outcomes[i].InTheirWords);
            await FillAsync(page, $"Outcomes[{i}].HowItIsMet", journey.Outcomes[i].HowItIsMet);
        }
        for (var i = 0; i < journey.Costs.Length; i++)
        {
            var cost = journey.Costs[i];
            await page.GetByLabel("Category").Nth(i).SelectOptionAsync(cost.Category.ToString());
            await FillAsync(page, $"Costs[{i}].Description", cost.Description);
            await FillAsync(page, $"Costs[{i}].Hours", cost.Hours);
            await FillAsync(page, $"Costs[{i}].Weekly", cost.Weekly);
        }
        await page.GetByLabel("Contingency plan").FillAsync("If support falls through, family step in and the support service finds cover.");
        await page.GetByLabel("Circle of support").FillAsync("Family and friends who visit each week.");
        await page.GetByLabel("What the direct payment can be used for").FillAsync("The support in this plan and nothing else. Keep receipts.");
        await PressButtonAsync(staff, Practitioner, "Save the plan");
        await Assertions.Expect(page.Locator("#running-total")).ToContainTextAsync("£" + journey.Costs[0].Weekly);
        await PressAsync(staff, Practitioner, page.GetByRole(AriaRole.Link, new() { Name = "Back to the support plan" }));
        await Assertions.Expect(page.Locator("#plan-status")).ToHaveTextAsync(PlanStatus.Draft.Label());
        await Assertions.Expect(page.Locator("#still-needed")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#agree")).ToHaveTextAsync("Record that the person agreed the plan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(journey.Costs[0].Category.Label());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(journey.Costs[0].Description);
    }

    private static async Task PersonAgreesPlanAsync(BrowserSession own, Guid arrangementId)
    {
        await OpenAsync(own, PersonRole, "/my-direct-payment");
        await FollowLinkAsync(own, PersonRole, "Read your support plan and agree it");
        Assert.Equal($"/arrangements/{arrangementId}/plan", new Uri(own.Page.Url).AbsolutePath);
        await ChooseAsync(own.Page, "AgreeConfirmed", "true");
        await PressButtonAsync(own, PersonRole, "Agree the plan");
        await Assertions.Expect(own.Page.Locator("#plan-status")).ToHaveTextAsync(PlanStatus.Agreed.Label());
        await Assertions.Expect(own.Page.Locator("#agreed-by")).ToBeVisibleAsync();
    }

    private static async Task AnswerSuitabilityAsync(IPage page, LegalRoute route, bool capable)
    {
        await ChooseAsync(page, "Requested", "Yes");
        if (route is LegalRoute.AdultWithCapacity or LegalRoute.Carer)
        {
            await ChooseAsync(page, "HasCapacityToRequest", "Yes");
            await ChooseAsync(page, "HasNominee", "No");
        }
        if (route == LegalRoute.Child)
        {
            await ChooseAsync(page, "HasParentalResponsibilityOrIs16Or17", "Yes");
        }
        await ChooseAsync(page, "UnderCriminalJusticeRequirement", "No");
        await ChooseAsync(page, "CapableWithHelp", capable ? "Yes" : "No");
        await ChooseAsync(page, "Appropriate", "Yes");
        await ChooseAsync(page, "PaysCloseFamilyInHousehold", "No");
    }

    /// <summary>Presses the overview's "Move to ..." button and checks the new stage.</summary>
    private static async Task MoveOnAsync(BrowserSession staff, Guid arrangementId, string button, string stage)
    {
        await OpenAsync(staff, Practitioner, $"/arrangements/{arrangementId}");
        await PressButtonAsync(staff, Practitioner, button);
        await ExpectStageAsync(staff, Practitioner, arrangementId, stage);
    }

    /// <summary>
    /// Keeps each straightforward journey's count, and once all three are in, prints the median (the figure issue #3
    /// asks for) and fails if it has grown past the bound.
    /// </summary>
    private static void RecordSubmissions(string journey, int posts)
    {
        var line = $"journey.practitioner.submissions_to_signed_agreement journey=\"{journey}\" submissions={posts}";
        Console.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Assert.True(posts <= MaximumPractitionerSubmissions, $"The practitioner needed {posts} submissions for the {journey}, more than {MaximumPractitionerSubmissions}.");
        Submissions[journey] = posts;
        if (Submissions.Count == 3)
        {
            var counts = Submissions.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            var median = counts.Select(s => s.Value).Order().ElementAt(1);
            var summary = $"journey.practitioner.submissions_to_signed_agreement median={median} (journeys: {string.Join(", ", counts.Select(s => $"{s.Key}={s.Value}"))})";
            Console.WriteLine(summary);
            TestContext.Current.SendDiagnosticMessage(summary);
            TestContext.Current.TestOutputHelper?.WriteLine(summary);
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "journey-submissions.txt"),
                summary + Environment.NewLine + string.Join(Environment.NewLine, Submissions.Select(s => $"{s.Key}: {s.Value}")) + Environment.NewLine);
            Assert.True(median <= MaximumPractitionerSubmissions, summary);
        }
    }

    [GeneratedRegex("^/arrangements/([0-9a-f-]{36})$")]
    private static partial Regex GuidPath();
}
