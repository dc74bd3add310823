using System.Net;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>
/// The suitability decision, a second look at a refusal, the funding proposal and decision, the
/// manager's queue and the allocation tool, through real pages as each role would use them.
/// </summary>
public abstract class DecisionsTests(TestApp app)
{
    private const string Practitioner = "priya.shah@demo.example";
    private const string Manager = "mark.evans@demo.example";
    private const string Admin = "alex.morgan@demo.example";
    private const string Amara = "amara.okafor@demo.example";
    private const string AmaraNormalised = "AMARA.OKAFOR@DEMO.EXAMPLE";

    private static readonly Dictionary<string, string> AllMetWithCapacity = new()
    {
        ["Requested"] = "Yes",
        ["HasCapacityToRequest"] = "Yes",
        ["HasNominee"] = "No",
        ["UnderCriminalJusticeRequirement"] = "No",
        ["CapableWithHelp"] = "Yes",
        ["Appropriate"] = "Yes",
        ["PaysCloseFamilyInHousehold"] = "No",
    };

    [Fact]
    public async Task Suitability_AdultWithCapacityAllMet_RecordsAndMovesToFunding()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync(Path(id, "suitability"), With(AllMetWithCapacity, new()
        { ["Decision"] = "Suitable", ["Action"] = "Record" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Path(id, "funding"), response.Headers.Location?.OriginalString);
        var (stage, decisions) = await StateAsync(id);
        Assert.Equal(Stage.FundingDecision, stage);
        var latest = decisions[0];
        Assert.Equal(SuitabilityOutcome.Suitable, latest.Outcome);
        Assert.Equal("Priya Shah", latest.DecidedByName);
        Assert.Contains("\"HasNominee\":false", latest.FactsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suitability_CheckTheConditions_ExplainsEachAndSavesNothing()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability);
        var before = (await StateAsync(id)).Decisions.Count;
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.PostWithTokenAsync(Path(id, "suitability"), Path(id, "suitability"), new Dictionary<string, string>
        {
            ["Requested"] = "Yes",
            ["HasCapacityToRequest"] = "No",
            ["Action"] = "Check",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Not met", page.QuerySelector("#conditions ~ dl [data-condition=capacity]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not answered", page.QuerySelector("#conditions ~ dl [data-condition=not-excluded]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("use the authorised person route", page.QuerySelector("#conditions ~ dl [data-condition=capacity]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await StateAsync(id)).Decisions.Count);
    }

    [Fact]
    public async Task Suitability_SuitableWhileAConditionIsNotMet_IsRefusedAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability);
        var before = (await StateAsync(id)).Decisions.Count;
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync(Path(id, "suitability"),
            With(AllMetWithCapacity, new()
            { ["CapableWithHelp"] = "No", ["Decision"] = "Suitable", ["Action"] = "Record" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["A direct payment cannot be agreed yet: capable of managing the payments, with whatever help is available is not met"], await TestClient.ErrorsAsync(response));
        var (stage, decisions) = await StateAsync(id);
        Assert.Equal(Stage.Suitability, stage);
        Assert.Equal(before, decisions.Count);
    }

    [Fact]
    public async Task Suitability_RefusalWithoutReasons_AsksForThemAtTheFields()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync(Path(id, "suitability"),
            With(AllMetWithCapacity, new()
            { ["Appropriate"] = "No", ["Decision"] = "Refused", ["Reasons"] = " ", ["Action"] = "Record" }));

        Assert.Equal(["Select the main reason for refusing", "Enter the reasons for refusing, in words the person can understand"], await TestClient.ErrorsAsync(response));
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Enter the reasons for refusing", page.QuerySelector("#Reasons-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suitability_RefusedWithReasons_PersonReadsThemAndStageStays()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability, giveAmaraAccess: true);
        using (var client = await SignedInAsync(Practitioner))
        {
            using var response = await client.SubmitAsync(Path(id, "suitability"), With(AllMetWithCapacity, new()
            {
                ["Appropriate"] = "No",
                ["Decision"] = "Refused",
                ["RefusalReason"] = "NotAppropriate",
                ["Reasons"] = "Your needs are for nursing care that a direct payment cannot buy safely.",
                ["Action"] = "Record"
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal(Stage.Suitability, (await StateAsync(id)).Stage);

        using var person = await SignedInAsync(Amara);
        var page = await person.GetPageAsync(Path(id, "suitability"));
        Assert.Contains("nursing care that a direct payment cannot buy safely", page.QuerySelector("#reasons")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not met", page.QuerySelector("[data-condition=appropriate]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{Path(id, "suitability/look-again")}']"));
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Suitability_LackingCapacity_StrangerNeedsADbsCheckBeforeAgreeing()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability, new JourneyShape { Route = LegalRoute.AdultLackingCapacity });
        using var client = await SignedInAsync(Practitioner);
        var facts = new Dictionary<string, string>
        {
            ["Requested"] = "Yes",
            ["Authorisation"] = "ConsideredSuitableByCouncil",
            ["ActsInBestInterests"] = "Yes",
            ["AuthorisedPersonIsFamilyOrFriend"] = "No",
            ["UnderCriminalJusticeRequirement"] = "No",
            ["CapableWithHelp"] = "Yes",
            ["Appropriate"] = "Yes",
            ["PaysCloseFamilyInHousehold"] = "No",
            ["Decision"] = "Suitable",
            ["Action"] = "Record",
            ["AuthorisedPersonDbsCheckedOn.Day"] = "",
            ["AuthorisedPersonDbsCheckedOn.Month"] = "",
            ["AuthorisedPersonDbsCheckedOn.Year"] = "",
        };

        using (var noCheck = await client.SubmitAsync(Path(id, "suitability"), facts))
        {
            Assert.Equal(["A direct payment cannot be agreed yet: enhanced dbs check on the authorised person is not answered"], await TestClient.ErrorsAsync(noCheck));
        }
        var future = DateTime.UtcNow.AddYears(1);
        using (var futureCheck = await client.SubmitAsync(Path(id, "suitability"), With(facts, new()
        {
            ["AuthorisedPersonDbsCheckedOn.Day"] = "1",
            ["AuthorisedPersonDbsCheckedOn.Month"] = "2",
            ["AuthorisedPersonDbsCheckedOn.Year"] = future.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
        })))
        {
            Assert.Contains("The date of the DBS check must be today or in the past", await TestClient.ErrorsAsync(futureCheck));
        }
        using (var notReal = await client.SubmitAsync(Path(id, "suitability"), With(facts, new()
        {
            ["AuthorisedPersonDbsCheckedOn.Day"] = "31",
            ["AuthorisedPersonDbsCheckedOn.Month"] = "2",
            ["AuthorisedPersonDbsCheckedOn.Year"] = "2026"
        })))
        {
            Assert.Contains("The date of the DBS check must be a real date", await TestClient.ErrorsAsync(notReal));
        }
        Assert.Equal(Stage.Suitability, (await StateAsync(id)).Stage);

        using var checkedResponse = await client.SubmitAsync(Path(id, "suitability"), With(facts, new()
        {
            ["AuthorisedPersonDbsCheckedOn.Day"] = "3",
            ["AuthorisedPersonDbsCheckedOn.Month"] = "3",
            ["AuthorisedPersonDbsCheckedOn.Year"] = "2026"
        }));
        Assert.Equal(HttpStatusCode.Redirect, checkedResponse.StatusCode);
        Assert.Equal(Stage.FundingDecision, (await StateAsync(id)).Stage);
    }

    [Fact]
    public async Task Suitability_Child_NeedsParentalResponsibility()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability, bornOn: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-9));
        using var client = await SignedInAsync(Practitioner);
        var page = await client.GetPageAsync(Path(id, "suitability"));
        Assert.NotNull(page.QuerySelector("input[name=HasParentalResponsibilityOrIs16Or17]"));
        Assert.NotNull(page.QuerySelector("#step-guidance-Suitability"));
        Assert.Null(page.QuerySelector("input[name=HasCapacityToRequest]"));
        var facts = new Dictionary<string, string>
        {
            ["Requested"] = "Yes",
            ["HasParentalResponsibilityOrIs16Or17"] = "No",
            ["UnderCriminalJusticeRequirement"] = "No",
            ["CapableWithHelp"] = "Yes",
            ["Appropriate"] = "Yes",
            ["PaysCloseFamilyInHousehold"] = "No",
            ["Decision"] = "Suitable",
            ["Action"] = "Record",
        };

        using (var refused = await client.SubmitAsync(Path(id, "suitability"), facts))
        {
            Assert.Equal(["A direct payment cannot be agreed yet: the recipient has parental responsibility, or is the disabled young person aged 16 or 17 is not met"], await TestClient.ErrorsAsync(refused));
        }
        using var agreed = await client.SubmitAsync(Path(id, "suitability"), With(facts, new()
        { ["HasParentalResponsibilityOrIs16Or17"] = "Yes" }));
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(Stage.FundingDecision, (await StateAsync(id)).Stage);
    }

    [Fact]
    public async Task Suitability_AtAnotherStage_CannotBeRecorded()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision);
        var before = (await StateAsync(id)).Decisions.Count;
        using var client = await SignedInAsync(Practitioner);
        var page = await client.GetPageAsync(Path(id, "suitability"));
        Assert.Null(page.QuerySelector("main form"));

        using var response = await client.PostWithTokenAsync(Path(id, "suitability"), Path(id, "suitability"),
            With(AllMetWithCapacity, new()
            { ["Decision"] = "Suitable", ["Action"] = "Record" }));

        Assert.Equal(["The suitability decision can only be recorded at the suitability decision step. This direct payment is at funding decision"], await TestClient.ErrorsAsync(response));
        Assert.Equal(before, (await StateAsync(id)).Decisions.Count);
    }

    [Fact]
    public async Task LookAgain_RefusedPersonAsks_TaskCreatedSecondRequestRefusedNewDecisionClosesIt()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability, Refused(), giveAmaraAccess: true);
        var refusedId = (await StateAsync(id)).Decisions[0].Id;
        var lookAgain = Path(id, "suitability/look-again");
        using (var person = await SignedInAsync(Amara))
        {
            using (var empty = await person.SubmitAsync(lookAgain, new Dictionary<string, string> { ["Why"] = "  " }))
            {
                Assert.Equal(["Enter why you think the decision should change"], await TestClient.ErrorsAsync(empty));
            }
            using (var tooLong = await person.SubmitAsync(lookAgain, new Dictionary<string, string> { ["Why"] = new string('a', 4001) }))
            {
                Assert.Equal(["Why you think the decision should change must be 4,000 characters or fewer"], await TestClient.ErrorsAsync(tooLong));
            }
            Assert.Empty(await OpenReconsiderationTasksAsync(id));

            using (var sent = await person.SubmitAsync(lookAgain, new Dictionary<string, string> { ["Why"] = "My brother has agreed to help with payroll every month, so I can manage." }))
            {
                Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            }
            var task = Assert.Single(await OpenReconsiderationTasksAsync(id));
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(TaskRules.ReconsiderationWithinDays).DayNumber;
            Assert.InRange(task.DueOn.DayNumber, due - 1, due + 1);
            var confirmation = await person.GetPageAsync(lookAgain);
            Assert.Contains("Adults North team", confirmation.QuerySelector("#what-happens-next")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(task.DueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), confirmation.QuerySelector("#what-happens-next")!.TextContent, StringComparison.Ordinal);

            using var again = await person.PostWithTokenAsync(lookAgain, lookAgain, new Dictionary<string, string> { ["Why"] = "Please look again." });
            Assert.Equal(["You have already asked for this decision to be looked at again. The council will tell you its new decision"], await TestClient.ErrorsAsync(again));
            Assert.Single(await OpenReconsiderationTasksAsync(id));
        }

        using var manager = await SignedInAsync(Manager);
        var staffView = await manager.GetPageAsync(Path(id, "suitability"));
        Assert.Contains("brother has agreed to help with payroll", staffView.QuerySelector("#reconsideration-request")!.TextContent, StringComparison.Ordinal);
        using var decided = await manager.SubmitAsync(Path(id, "suitability"), With(AllMetWithCapacity, new()
        {
            ["HelpAvailable"] = "Her brother runs payroll",
            ["Decision"] = "Suitable",
            ["Action"] = "Record"
        }));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var (stage, decisions) = await StateAsync(id);
        Assert.Equal(Stage.FundingDecision, stage);
        Assert.Equal(refusedId, decisions[0].ReconsidersDecisionId);
        Assert.Empty(await OpenReconsiderationTasksAsync(id));
    }

    [Fact]
    public async Task LookAgain_StaffOrAnotherPerson_CannotOpenIt()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.Suitability, Refused());
        using var practitioner = await SignedInAsync(Practitioner);
        using var staff = await practitioner.GetAsync(Path(id, "suitability/look-again"));
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        using var staffPost = await practitioner.PostWithTokenAsync(Path(id, "suitability"), Path(id, "suitability/look-again"), new Dictionary<string, string> { ["Why"] = "On the person's behalf." });
        Assert.Equal(HttpStatusCode.Forbidden, staffPost.StatusCode);
        Assert.Null((await StateAsync(id)).Decisions[0].ReconsiderationRequestedAt);
        using var grace = await SignedInAsync("grace.bennett@demo.example");
        using var other = await grace.GetAsync(Path(id, "suitability/look-again"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Funding_BadProposal_IsRefusedAtEachFieldThenAGoodOneIsSaved()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision, withoutProposal: true);
        var indicative = await IndicativeAsync(id);
        using var client = await SignedInAsync(Practitioner);
        var page = await client.GetPageAsync(Path(id, "funding"));
        Assert.Equal("239.60", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#ProposedWeekly")!).Value);
        Assert.NotNull(page.QuerySelector("#step-guidance-FundingDecision"));

        using (var bad = await client.SubmitAsync(Path(id, "funding"), new Dictionary<string, string>
        {
            ["ProposedWeekly"] = "lots",
            ["Contribution"] = "",
            ["OneOff"] = "-5",
            ["SufficiencyReasons"] = "",
        }))
        {
            Assert.Equal(
                ["Enter the weekly budget in pounds and pence, like 350.00", "Enter the person's weekly contribution in pounds and pence, or 0 if they pay nothing", "Enter the one-off amount in pounds and pence, like 250.00, or leave it blank"],
                await TestClient.ErrorsAsync(bad));
        }
        using (var noReasons = await client.SubmitAsync(Path(id, "funding"), new Dictionary<string, string> { ["Contribution"] = "239.60" }))
        {
            Assert.Equal(
                ["The contribution must be less than the weekly budget: a direct payment needs the council to pay part of the cost (Care Act section 31)", $"Explain why the budget differs from the indicative amount of {indicative}, and why it is enough to meet the needs"],
                await TestClient.ErrorsAsync(noReasons));
        }
        Assert.Empty(await FundingAsync(id));

        using (var good = await client.SubmitAsync(Path(id, "funding"), new Dictionary<string, string>
        {
            ["Contribution"] = "35",
            ["SufficiencyReasons"] = "The plan's personal assistant hours are what the assessment found are needed.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }
        var proposal = Assert.Single(await FundingAsync(id));
        Assert.Equal((23960L, 3500L, PaymentBasis.Net, PaymentFrequency.FourWeekly, indicative.Pence), (proposal.ProposedWeeklyPence, proposal.ContributionWeeklyPence, proposal.Basis, proposal.Frequency, indicative.Pence));
        Assert.Equal(indicative.Pence, proposal.IndicativeWeeklyPence);
        var after = await client.GetPageAsync(Path(id, "funding"));
        Assert.Contains("Waiting for a manager's decision", after.QuerySelector("#funding-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("main form"));

        using var second = await client.PostWithTokenAsync(Path(id, "funding"), Path(id, "funding"), new Dictionary<string, string> { ["ProposedWeekly"] = "210", ["Contribution"] = "0", ["Basis"] = "Net", ["Frequency"] = "Weekly" });
        Assert.Equal(["A proposal is already waiting for a manager's decision. Wait for the decision before proposing again"], await TestClient.ErrorsAsync(second));
        Assert.Single(await FundingAsync(id));
    }

    [Fact]
    public async Task Decide_DifferentAmountWithReasons_ShowsTheOverturnToPractitionerAndPerson()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision, giveAmaraAccess: true);
        using (var manager = await SignedInAsync(Manager))
        {
            using (var noReasons = await manager.SubmitAsync(Path(id, "funding/decide"), new Dictionary<string, string> { ["Outcome"] = "ApprovedDifferentAmount", ["DecidedWeekly"] = "200" }))
            {
                Assert.Equal(["Explain the decision in at least one full sentence: the practitioner and the person will read it"], await TestClient.ErrorsAsync(noReasons));
            }
            Assert.Null((await FundingAsync(id))[0].Outcome);
            using var decided = await manager.SubmitAsync(Path(id, "funding/decide"), new Dictionary<string, string>
            {
                ["Outcome"] = "ApprovedDifferentAmount",
                ["DecidedWeekly"] = "200.00",
                ["ByPanel"] = "true",
                ["Reasons"] = "The panel agreed the personal assistant hours but transport can be met from mobility benefits.",
            });
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
            Assert.Equal("/funding-decisions", decided.Headers.Location?.OriginalString);
        }
        var decision = (await FundingAsync(id))[0];
        Assert.Equal((FundingOutcome.ApprovedDifferentAmount, 20000L, true), (decision.Outcome!.Value, decision.DecidedWeeklyPence!.Value, decision.ByPanel));
        Assert.Equal(Stage.Agreement, (await StateAsync(id)).Stage);

        foreach (var email in new[] { Practitioner, Amara })
        {
            using var client = await SignedInAsync(email);
            var page = await client.GetPageAsync(Path(id, "funding"));
            var overturn = page.QuerySelector("#overturn")!.TextContent;
            Assert.Contains("The decision is different from the proposal", overturn, StringComparison.Ordinal);
            Assert.Contains("£39.60 a week less than proposed", overturn, StringComparison.Ordinal);
            Assert.Contains("transport can be met from mobility benefits", overturn, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decide_OwnProposal_IsRefused()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision, withoutProposal: true);
        using var manager = await SignedInAsync(Manager);
        using (var proposed = await manager.SubmitAsync(Path(id, "funding"), new Dictionary<string, string>
        {
            ["Contribution"] = "0",
            ["SufficiencyReasons"] = "The plan's costs are what the assessment found are needed.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }
        var page = await manager.GetPageAsync(Path(id, "funding/decide"));
        Assert.NotNull(page.QuerySelector("#own-proposal"));
        Assert.Null(page.QuerySelector("main form"));

        using var response = await manager.PostWithTokenAsync(Path(id, "funding/decide"), Path(id, "funding/decide"), new Dictionary<string, string> { ["Outcome"] = "Approved" });

        Assert.Equal(["Another manager must decide a budget you proposed"], await TestClient.ErrorsAsync(response));
        Assert.Null((await FundingAsync(id))[0].Outcome);
        Assert.Equal(Stage.FundingDecision, (await StateAsync(id)).Stage);
    }

    [Fact]
    public async Task Decide_ReturnedForChanges_MovesBackToPlanningWithTheReasons()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision);
        using var manager = await SignedInAsync(Manager);

        using var response = await manager.SubmitAsync(Path(id, "funding/decide"), new Dictionary<string, string>
        {
            ["Outcome"] = "ReturnedForChanges",
            ["Reasons"] = "The plan needs a contingency for when the personal assistant is on holiday.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FundingOutcome.ReturnedForChanges, (await FundingAsync(id))[0].Outcome);
        Assert.Equal(Stage.Planning, (await StateAsync(id)).Stage);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var move = await db.ArrangementTransitions.Where(t => t.ArrangementId == id).OrderByDescending(t => t.OccurredAt).FirstAsync();
            Assert.Equal((Stage.FundingDecision, Stage.Planning), (move.From, move.To));
            Assert.Contains("contingency for when the personal assistant is on holiday", move.Reason, StringComparison.Ordinal);
        }
        using var again = await manager.PostWithTokenAsync(Path(id, "funding/decide"), Path(id, "funding/decide"), new Dictionary<string, string> { ["Outcome"] = "Approved" });
        Assert.Equal(["This budget has already been decided. A new proposal is needed before another decision"], await TestClient.ErrorsAsync(again));
    }

    [Fact]
    public async Task Decide_AsPractitioner_IsForbidden()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision);
        using var client = await SignedInAsync(Practitioner);
        using var get = await client.GetAsync(Path(id, "funding/decide"));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        using var post = await client.PostWithTokenAsync(Path(id, "funding"), Path(id, "funding/decide"), new Dictionary<string, string> { ["Outcome"] = "Approved" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null((await FundingAsync(id))[0].Outcome);
    }

    [Fact]
    public async Task Queue_ShowsWaitingProposalsAndTheOverturnRate()
    {
        app.SkipIfUnavailable();
        var id = await ArrangementAsync(Stage.FundingDecision);
        var indicative = await IndicativeAsync(id);
        string reference;
        int decided;
        int overturned;
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            reference = await db.Arrangements.Where(a => a.Id == id).Select(a => a.Reference).SingleAsync();
            var outcomes = await db.FundingDecisions.Where(d => d.Outcome != null).Select(d => d.Outcome).ToListAsync();
            decided = outcomes.Count;
            overturned = outcomes.Count(o => o != FundingOutcome.Approved);
        }
        using var manager = await SignedInAsync(Manager);

        var page = await manager.GetPageAsync("/funding-decisions");

        var row = page.QuerySelectorAll("#queue tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("£239.60", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(indicative.ToString(), row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='{Path(id, "funding/decide")}']"));
        Assert.StartsWith($"{overturned} of {decided} decisions", page.QuerySelector("#overturn-counts")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Different from the proposal", page.QuerySelector("#recent")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocationTool_NewVersion_IsAddedAndTheOldOneKept()
    {
        app.SkipIfUnavailable();
        using var client = await SignedInAsync(Admin);
        var page = await client.GetPageAsync("/admin/allocation-tool");
        var current = int.Parse(page.QuerySelector("#current-version caption")!.TextContent.Split(' ', ':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("210.00", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Amounts[5]']")!).Value);

        using (var bad = await client.SubmitAsync("/admin/allocation-tool", new Dictionary<string, string>
        {
            ["Amounts[0]"] = "0",
            ["Amounts[1]"] = "lots",
            ["EffectiveFrom.Day"] = "1",
            ["EffectiveFrom.Month"] = "1",
            ["EffectiveFrom.Year"] = "2000",
        }))
        {
            Assert.Equal(
                ["The weekly amount for children (under 18) with low needs must be more than £0.00",
                 "Enter the weekly amount for children (under 18) with moderate needs in pounds and pence, like 250.00",
                 $"The date this version takes effect must be on or after {DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, when version 1 took effect"],
                await TestClient.ErrorsAsync(bad));
        }
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        using (var good = await client.SubmitAsync("/admin/allocation-tool", new Dictionary<string, string>
        {
            ["Amounts[5]"] = "225.50",
            ["Notes"] = "Uprated for the new National Living Wage.",
            ["EffectiveFrom.Day"] = next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EffectiveFrom.Month"] = next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EffectiveFrom.Year"] = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var versions = await db.AllocationToolVersions.Include(v => v.Rates).OrderBy(v => v.Version).ToListAsync();
            var (old, made) = (versions.Single(v => v.Version == current), versions.Single(v => v.Version == current + 1));
            Assert.Equal(12, made.Rates.Count);
            Assert.Equal(22550, made.Indicative(AgeBand.Adult18To64, NeedLevel.Moderate)!.Value.Pence);
            Assert.Equal(21000, old.Indicative(AgeBand.Adult18To64, NeedLevel.Moderate)!.Value.Pence);
            Assert.Equal(next, made.EffectiveFrom);
            Assert.Equal("Alex Morgan", made.CreatedByName);
        }
    }

    [Fact]
    public async Task DecisionPages_OtherCouncilsArrangement_Returns404()
    {
        app.SkipIfUnavailable();
        Guid nora;
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.SecondCouncilSlug).Select(c => c.Id).SingleAsync();
            nora = await db.Arrangements.Select(a => a.Id).FirstAsync();
        }
        using var manager = await SignedInAsync(Manager);
        foreach (var step in new[] { "suitability", "funding", "funding/decide" })
        {
            using var response = await manager.GetAsync(Path(nora, step));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var post = await manager.PostWithTokenAsync("/funding-decisions", Path(nora, "funding/decide"), new Dictionary<string, string> { ["Outcome"] = "Approved" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private static string Path(Guid arrangementId, string step) => $"/arrangements/{arrangementId}/{step}";

    private static Dictionary<string, string> With(Dictionary<string, string> fields, Dictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(fields);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }
        return all;
    }

    private static JourneyShape Refused() => new()
    {
        RefusalReasons = "We are not yet satisfied that the payments can be managed, because there is nobody to help with payroll.",
    };

    private async Task<TestClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private async Task<(IServiceScope Scope, DpDbContext Db)> OpenAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }

    /// <summary>A new person on the Adults North team, with their direct payment walked to the stage through the real rules.</summary>
    private async Task<Guid> ArrangementAsync(Stage stage, JourneyShape? shape = null, bool giveAmaraAccess = false, bool withoutProposal = false, DateOnly? bornOn = null)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var council = db.Actor.CouncilId!.Value;
            var team = await db.Teams.Where(t => t.Name == "Adults North team").Select(t => t.Id).SingleAsync();
            var person = new Person
            {
                Id = Guid.CreateVersion7(),
                CouncilId = council,
                Reference = "EX-T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                GivenName = "Test",
                FamilyName = "Person",
                DateOfBirth = bornOn ?? new DateOnly(1980, 5, 5),
                TeamId = team,
                CreatedAt = DateTime.UtcNow,
            };
            db.People.Add(person);
            if (giveAmaraAccess)
            {
                var amara = await db.Users.Where(u => u.NormalizedEmail == AmaraNormalised).Select(u => u.Id).SingleAsync();
                db.PersonAccess.Add(new PersonAccess { Id = Guid.CreateVersion7(), PersonId = person.Id, UserId = amara, Relationship = Relationship.Self });
            }
            await db.SaveChangesAsync();
            var builder = scope.ServiceProvider.GetRequiredService<JourneyBuilder>();
            var arrangement = await builder.WalkToAsync(person, withoutProposal ? Stage.Suitability : stage, shape);
            if (withoutProposal)
            {
                var journey = scope.ServiceProvider.GetRequiredService<JourneyActions>();
                Assert.Null(await journey.MoveAsync(arrangement, new MoveRequest(Stage.FundingDecision, Mover.Council, null), Who.System));
                await db.SaveChangesAsync();
            }
            return arrangement.Id;
        }
    }

    private async Task<(Stage Stage, IReadOnlyList<SuitabilityDecision> Decisions)> StateAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var stage = await db.Arrangements.Where(a => a.Id == arrangementId).Select(a => a.Stage).SingleAsync();
            var decisions = await db.SuitabilityDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).OrderByDescending(d => d.RecordedAt).ToListAsync();
            return (stage, decisions);
        }
    }

    /// <summary>The indicative budget the allocation tool gave (another test may have made a newer version of the tool).</summary>
    private async Task<Domain.Money> IndicativeAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return new Domain.Money(await db.Arrangements.Where(a => a.Id == arrangementId).Select(a => a.IndicativeWeeklyPence!.Value).SingleAsync());
        }
    }

    private async Task<IReadOnlyList<FundingDecision>> FundingAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.FundingDecisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).OrderByDescending(d => d.ProposedAt).ToListAsync();
        }
    }

    private async Task<IReadOnlyList<CaseTask>> OpenReconsiderationTasksAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.Tasks.AsNoTracking().Where(t => t.ArrangementId == arrangementId && t.Kind == TaskKind.Reconsideration && t.CompletedOn == null).ToListAsync();
        }
    }
}

public sealed class DecisionsTests_Sqlite(SqliteApp app) : DecisionsTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionsTests_Postgres(PostgresApp app) : DecisionsTests(app), IClassFixture<PostgresApp>;
