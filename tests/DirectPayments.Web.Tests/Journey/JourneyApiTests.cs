using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>The journey API a council's case system uses: enquiries, status, assessment outcomes and moves (issue #3, item 10).</summary>
public abstract class JourneyApiTests(TestApp app)
{
    private const string ReadWrite = $"{ApiScopes.JourneyRead} {ApiScopes.JourneyWrite}";

    [Fact]
    public async Task StartEnquiry_ForAnExistingPerson_Returns201WithLocationAndTimeline()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"),
            new { personReference = person.Reference, notes = "Wants help to get to the day centre", externalReference = "CASE-" + person.Reference });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/arrangements/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Enquiry", body.GetProperty("stage").GetString());
        Assert.Equal("CaseSystem", body.GetProperty("channel").GetString());
        Assert.Equal("AdultWithCapacity", body.GetProperty("route").GetString());
        Assert.Equal(person.Reference, body.GetProperty("personReference").GetString());
        Assert.Equal(Stage.Enquiry.WhatHappensNext(), body.GetProperty("whatHappensNext").GetString());
        var transition = Assert.Single(body.GetProperty("transitions").EnumerateArray());
        Assert.Equal("API key: Test key", transition.GetProperty("by").GetString());

        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var saved = await db.Arrangements.SingleAsync(a => a.PersonId == person.Id);
            Assert.Equal(id, saved.Id);
            Assert.Equal(EnquiryChannel.CaseSystem, saved.Channel);
            Assert.Equal("Wants help to get to the day centre", saved.EnquiryNotes);
        }
    }

    [Fact]
    public async Task StartEnquiry_ForAChild_DefaultsToTheChildrensRoute()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council, born: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10));
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personId = person.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Child", (await JsonAsync(response)).GetProperty("route").GetString());
    }

    [Fact]
    public async Task StartEnquiry_RetriedWithTheSameExternalReference_Returns200AndMakesNoDuplicate()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);
        var request = new { personReference = person.Reference, externalReference = "RETRY-" + person.Reference };

        using var first = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), request);
        using var second = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await JsonAsync(first)).GetProperty("id").GetGuid(), (await JsonAsync(second)).GetProperty("id").GetGuid());
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(1, await db.Arrangements.CountAsync(a => a.PersonId == person.Id));
        }
    }

    [Fact]
    public async Task StartEnquiry_SameExternalReferenceSentFiveTimesAtOnce_MakesOneArrangement()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);
        var request = new { personReference = person.Reference, externalReference = "RACE-" + person.Reference };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsJsonAsync(Uri("/api/v1/arrangements"), request)));

        try
        {
            var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode).Order());
            Assert.True(statuses == "200, 200, 200, 200, 201", $"Expected one 201 and four 200s, got {statuses}");
            var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("id").GetGuid()));
            Assert.Single(ids.Distinct());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(1, await db.Arrangements.CountAsync(a => a.PersonId == person.Id));
        }
    }

    [Fact]
    public async Task StartEnquiry_ExternalReferenceUsedForSomeoneElse_Returns409()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var first = await NewPersonAsync(council);
        var second = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);
        var reference = "SHARED-" + first.Reference;
        using var made = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = first.Reference, externalReference = reference });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = second.Reference, externalReference = reference });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "journey/external-reference-in-use");
    }

    [Fact]
    public async Task StartEnquiry_PersonWithAnOpenArrangement_Returns409NamingTheStep()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        var arrangementId = await NewArrangementAsync(council, person.Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = person.Reference });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "journey/open-arrangement");
        Assert.Equal("This person already has a direct payment at the assessment step", problem.GetProperty("detail").GetString());
        Assert.Equal(arrangementId, problem.GetProperty("arrangementId").GetGuid());
    }

    [Fact]
    public async Task StartEnquiry_UnknownPerson_Returns404AndMakesNothing()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        using var client = await ClientAsync(council, ReadWrite);
        int before;
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            before = await db.Arrangements.CountAsync();
        }

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = "EX-999999" });
        using var byId = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personId = Guid.NewGuid() });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "person-not-found");
        await AssertProblemAsync(byId, HttpStatusCode.NotFound, "person-not-found");
        (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(before, await db.Arrangements.CountAsync());
        }
    }

    [Fact]
    public async Task StartEnquiry_NoPersonAndAnUnknownRoute_Returns400WithEachField()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { legalRoute = "Adult" });

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal("Enter the person's council reference, like EX-000101, or their personId", errors.GetProperty("personReference")[0].GetString());
        Assert.Equal("legalRoute must be one of AdultWithCapacity, AdultLackingCapacity, Child, Carer, or left out to choose from the person's age",
            errors.GetProperty("legalRoute")[0].GetString());
    }

    [Fact]
    public async Task Endpoints_OtherCouncilsArrangement_Return404AndChangeNothing()
    {
        app.SkipIfUnavailable();
        var exampleshire = await CouncilAsync(DemoSeeder.CouncilSlug);
        var otherborough = await CouncilAsync(DemoSeeder.SecondCouncilSlug);
        var theirs = await NewArrangementAsync(otherborough, (await NewPersonAsync(otherborough)).Id, Stage.Assessment);
        using var client = await ClientAsync(exampleshire, ReadWrite);

        foreach (var path in new[] { "", "/plan", "/decisions", "/tasks" })
        {
            using var get = await client.GetAsync(Uri($"/api/v1/arrangements/{theirs}{path}"));
            await AssertProblemAsync(get, HttpStatusCode.NotFound, "arrangement-not-found");
        }
        using var move = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{theirs}/move"), new { to = "Ended", reason = "Test" });
        await AssertProblemAsync(move, HttpStatusCode.NotFound, "arrangement-not-found");
        using var assessment = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{theirs}/assessment"),
            new { assessmentReference = "X", assessedOn = Iso(await TodayAsync()), eligibleNeeds = "X", needLevel = "Low" });
        await AssertProblemAsync(assessment, HttpStatusCode.NotFound, "arrangement-not-found");
        var list = await JsonAsync(await client.GetAsync(Uri("/api/v1/arrangements?pageSize=100&stage=Assessment")));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == theirs);

        var (scope, db) = app.OpenDatabase(otherborough);
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == theirs);
            Assert.Equal(Stage.Assessment, arrangement.Stage);
            Assert.Null(arrangement.AssessedOn);
        }
    }

    [Fact]
    public async Task Endpoints_KeyWithoutTheScope_Return403()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        var arrangementId = await NewArrangementAsync(council, person.Id, Stage.Enquiry);
        using var peopleOnly = await ClientAsync(council, $"{ApiScopes.PeopleRead} {ApiScopes.PeopleWrite}");
        using var readOnly = await ClientAsync(council, ApiScopes.JourneyRead);

        using var list = await peopleOnly.GetAsync(Uri("/api/v1/arrangements"));
        using var get = await peopleOnly.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}"));
        using var start = await readOnly.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = person.Reference });
        using var move = await readOnly.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"), new { to = "Assessment" });
        using var allowed = await readOnly.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}"));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(Stage.Enquiry, (await db.Arrangements.SingleAsync(a => a.Id == arrangementId)).Stage);
        }
    }

    [Fact]
    public async Task Move_Allowed_RecordsTheTransitionWithWhoAndWhy()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Enquiry);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"),
            new { to = "assessment", reason = "Assessment booked in the case system", expectedStage = "Enquiry" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Assessment", body.GetProperty("stage").GetString());
        var last = body.GetProperty("transitions").EnumerateArray().Last();
        Assert.Equal(("Enquiry", "Assessment"), (last.GetProperty("from").GetString(), last.GetProperty("to").GetString()));
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(Stage.Assessment, (await db.Arrangements.SingleAsync(a => a.Id == arrangementId)).Stage);
            var transition = await db.ArrangementTransitions.Where(t => t.ArrangementId == arrangementId && t.To == Stage.Assessment).SingleAsync();
            Assert.Equal(Stage.Enquiry, transition.From);
            Assert.Equal("API key: Test key", transition.ActorName);
            Assert.Null(transition.ActorUserId);
            Assert.Equal("Assessment booked in the case system", transition.Reason);
        }
    }

    [Fact]
    public async Task Move_RefusedByTheRules_Returns422WithTheRefusalTypeAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);
        int transitionsBefore;
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            transitionsBefore = await db.ArrangementTransitions.CountAsync(t => t.ArrangementId == arrangementId);
        }

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"), new { to = "Planning" });
        using var skip = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"), new { to = "Active" });
        using var end = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"), new { to = "Ended", reason = "No longer wanted" });

        var problem = await AssertProblemAsync(response, (HttpStatusCode)422, "journey/assessment-outcome-missing");
        Assert.Equal("Record the assessment outcome and the eligible needs before support planning starts", problem.GetProperty("detail").GetString());
        Assert.Equal("assessment-outcome-missing", problem.GetProperty("code").GetString());
        var notAllowed = await AssertProblemAsync(skip, (HttpStatusCode)422, "journey/not-allowed");
        Assert.Equal("A direct payment cannot move from assessment to active", notAllowed.GetProperty("detail").GetString());
        await AssertProblemAsync(end, (HttpStatusCode)422, "journey/end-on-page");
        (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(Stage.Assessment, (await db.Arrangements.SingleAsync(a => a.Id == arrangementId)).Stage);
            Assert.Equal(transitionsBefore, await db.ArrangementTransitions.CountAsync(t => t.ArrangementId == arrangementId));
        }
    }

    [Fact]
    public async Task Move_SomeoneMovedItSinceItWasRead_Returns409AndChangesNothing()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"),
            new { to = "Assessment", expectedStage = "Enquiry" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "journey/stage-changed");
        Assert.Equal("Assessment", problem.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Move_UnknownStage_Returns400ListingTheStages()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Enquiry);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/move"), new { to = "Finished" });

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal("to must be one of Enquiry, Assessment, Planning, Suitability, FundingDecision, Agreement, SetUp, Active, Suspended, Ended",
            errors.GetProperty("to")[0].GetString());
    }

    public static TheoryData<string?, int, string?, string?, string, string> BadAssessments() => new()
    {
        { "CS-1", -1, "Needs", "High", "assessedOn", "The date of the assessment must be today or in the past" },
        { "CS-1", 0, "Needs", "Extreme", "needLevel", "needLevel must be one of Low, Moderate, High, VeryHigh" },
        { "", 0, "Needs", "High", "assessmentReference", "Enter the assessment reference from the council's case system" },
        { "CS-1", 0, " ", "High", "eligibleNeeds", "Enter the eligible needs the assessment found" },
        { "CS-1", 0, "Needs", null, "needLevel", "Select the level of need the assessment found" },
    };

    [Theory]
    [MemberData(nameof(BadAssessments))]
    public async Task RecordAssessment_BadField_Returns400AtThatFieldAndChangesNothing(string? reference, int daysAgo, string? needs, string? level, string field, string message)
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);
        var today = await TodayAsync();

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/assessment"),
            new { assessmentReference = reference, assessedOn = Iso(today.AddDays(-daysAgo)), eligibleNeeds = needs, needLevel = level });

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal(message, Assert.Single(errors.EnumerateObject(), e => e.Name == field).Value[0].GetString());
        Assert.Single(errors.EnumerateObject());
        await AssertNoAssessmentAsync(council, arrangementId);
    }

    [Theory]
    [InlineData("2026-02-31")]
    [InlineData("31/03/2026")]
    public async Task RecordAssessment_DateThatIsNotReal_Returns400(string date)
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/assessment"),
            new { assessmentReference = "CS-1", assessedOn = date, eligibleNeeds = "Needs", needLevel = "Low" });

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal("The date of the assessment must be a real date, written like 2026-03-31", errors.GetProperty("assessedOn")[0].GetString());
        await AssertNoAssessmentAsync(council, arrangementId);
    }

    [Fact]
    public async Task RecordAssessment_BeforeTheEnquiry_Returns400NamingTheEnquiryDate()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);
        var today = await TodayAsync();

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/assessment"),
            new { assessmentReference = "CS-1", assessedOn = Iso(today.AddDays(-1)), eligibleNeeds = "Needs", needLevel = "Low" });

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.StartsWith("The date of the assessment must be on or after the date of the enquiry, ", errors.GetProperty("assessedOn")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAssessment_AtEnquiry_Returns409WithTheRefusal()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Enquiry);
        using var client = await ClientAsync(council, ReadWrite);

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/assessment"),
            new { assessmentReference = "CS-1", assessedOn = Iso(await TodayAsync()), eligibleNeeds = "Needs", needLevel = "Low" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "journey/assessment-not-started");
        await AssertNoAssessmentAsync(council, arrangementId);
    }

    [Fact]
    public async Task RecordAssessment_Valid_RecordsTheOutcomeAndReturnsTheStatus()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        using var client = await ClientAsync(council, ReadWrite);
        var today = await TodayAsync();

        using var response = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{arrangementId}/assessment"),
            new { assessmentReference = " CS-2026-0042 ", assessedOn = Iso(today), eligibleNeeds = "Help with personal care each morning", needLevel = "moderate" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("CS-2026-0042", body.GetProperty("assessmentReference").GetString());
        Assert.Equal(Iso(today), body.GetProperty("dates").GetProperty("assessedOn").GetString());
        Assert.Equal("Moderate", body.GetProperty("needLevel").GetString());
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == arrangementId);
            Assert.Equal(today, arrangement.AssessedOn);
            Assert.Equal("Help with personal care each morning", arrangement.EligibleNeeds);
            Assert.Equal(NeedLevel.Moderate, arrangement.NeedLevel);
            Assert.Equal(Stage.Assessment, arrangement.Stage);
        }
    }

    [Fact]
    public async Task List_FilteredByStage_GivesOnlyThatStage()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var atAssessment = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Assessment);
        var atEnquiry = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Enquiry);
        using var client = await ClientAsync(council, ApiScopes.JourneyRead);

        var body = await JsonAsync(await client.GetAsync(Uri("/api/v1/arrangements?stage=assessment&pageSize=100")));

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal("Assessment", i.GetProperty("stage").GetString()));
        Assert.Contains(items, i => i.GetProperty("id").GetGuid() == atAssessment);
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetGuid() == atEnquiry);
        Assert.Equal(items.Count, body.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task List_UnknownStage_Returns400WithTheAllowedValues()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        using var client = await ClientAsync(council, ApiScopes.JourneyRead);

        using var response = await client.GetAsync(Uri("/api/v1/arrangements?stage=Finished&page=0"));

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal("stage must be one of Enquiry, Assessment, Planning, Suitability, FundingDecision, Agreement, SetUp, Active, Suspended, Ended",
            errors.GetProperty("stage")[0].GetString());
        Assert.Equal("page must be 1 or more", errors.GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task List_ByExternalReference_FindsTheCaseSystemsCase()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);
        using var made = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personId = person.Id, externalReference = "FIND-" + person.Reference });
        var id = (await JsonAsync(made)).GetProperty("id").GetGuid();

        var body = await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements?externalReference=FIND-{person.Reference}")));

        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal(person.Reference, item.GetProperty("personReference").GetString());
    }

    [Fact]
    public async Task Reads_OfAnArrangement_AreAuditedAgainstThePerson()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        var arrangementId = await NewArrangementAsync(council, person.Id, Stage.Enquiry);
        using var client = await ClientAsync(council, ApiScopes.JourneyRead);

        using var status = await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}"));
        using var decisions = await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/decisions"));
        using var tasks = await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/tasks"));
        using var plan = await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/plan"));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await JsonAsync(decisions);
        Assert.Empty(body.GetProperty("suitability").EnumerateArray());
        Assert.Empty(body.GetProperty("funding").EnumerateArray());
        Assert.Empty((await JsonAsync(tasks)).EnumerateArray());
        await AssertProblemAsync(plan, HttpStatusCode.NotFound, "journey/plan-not-found");
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var views = await db.AuditEntries.Where(a => a.PersonId == person.Id && a.Action == "arrangement.viewed").ToListAsync();
            Assert.Equal(["API: decisions", "API: status", "API: tasks"], views.Select(v => v.Details).Order(StringComparer.Ordinal));
            Assert.All(views, v => Assert.StartsWith("api-key:", v.Actor, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Tasks_OfAnArrangement_SayWhenDueAndWhetherOverdue()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var arrangementId = await NewArrangementAsync(council, (await NewPersonAsync(council)).Id, Stage.Enquiry);
        var today = await TodayAsync();
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var journey = scope.ServiceProvider.GetRequiredService<JourneyActions>();
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == arrangementId);
            await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, today.AddDays(-2), bookedFor: today.AddDays(-3));
            await journey.AddTaskAsync(arrangement, TaskKind.SignUpVisit, today.AddDays(5));
            await db.SaveChangesAsync();
        }
        using var client = await ClientAsync(council, ApiScopes.JourneyRead);

        var tasks = (await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/tasks")))).EnumerateArray().ToList();

        Assert.Equal(["HomeVisit", "SignUpVisit"], tasks.Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal([true, false], tasks.Select(t => t.GetProperty("isOverdue").GetBoolean()));
        Assert.Equal(Iso(today.AddDays(-3)), tasks[0].GetProperty("bookedFor").GetString());
        Assert.Equal("Home visit", tasks[0].GetProperty("kindLabel").GetString());
    }

    [Fact]
    public async Task CaseSystem_StartsAssessesAndMovesToPlanning_WithTheIndicativeBudgetWorkedOut()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var person = await NewPersonAsync(council);
        using var client = await ClientAsync(council, ReadWrite);
        var today = await TodayAsync();

        using var started = await client.PostAsJsonAsync(Uri("/api/v1/arrangements"), new { personReference = person.Reference });
        var id = (await JsonAsync(started)).GetProperty("id").GetGuid();
        using var toAssessment = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{id}/move"), new { to = "Assessment" });
        using var assessed = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{id}/assessment"),
            new { assessmentReference = "CS-77", assessedOn = Iso(today), eligibleNeeds = "Help with meals and getting out", needLevel = "High" });
        using var toPlanning = await client.PostAsJsonAsync(Uri($"/api/v1/arrangements/{id}/move"), new { to = "Planning", expectedStage = "Assessment" });

        Assert.Equal(HttpStatusCode.OK, toAssessment.StatusCode);
        long? rate;
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var tool = await db.AllocationToolVersions.Include(v => v.Rates).OrderByDescending(v => v.Version).FirstAsync();
            rate = tool.Indicative(AgeBand.Adult18To64, NeedLevel.High)?.Pence;
        }
        Assert.NotNull(rate);
        Assert.Equal(rate, (await JsonAsync(assessed)).GetProperty("indicativeWeeklyPence").GetInt64());
        var status = await JsonAsync(toPlanning);
        Assert.Equal("Planning", status.GetProperty("stage").GetString());
        Assert.Equal(["Enquiry", "Assessment", "Planning"], status.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Reads_OfAnActiveDirectPayment_GiveItsBudgetPlanDecisionsAndTasks()
    {
        app.SkipIfUnavailable();
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        Guid arrangementId;
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var amara = await db.People.SingleAsync(p => p.Reference == "EX-000101");
            arrangementId = await db.Arrangements.Where(a => a.PersonId == amara.Id).Select(a => a.Id).SingleAsync();
        }
        using var client = await ClientAsync(council, ApiScopes.JourneyRead);

        var status = await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}")));
        var plan = await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/plan")));
        var decisions = await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/decisions")));
        var tasks = await JsonAsync(await client.GetAsync(Uri($"/api/v1/arrangements/{arrangementId}/tasks")));

        Assert.Equal("Active", status.GetProperty("stage").GetString());
        Assert.Equal("EX-000101", status.GetProperty("personReference").GetString());
        Assert.Equal(JsonValueKind.String, status.GetProperty("dates").GetProperty("firstPaymentOn").ValueKind);
        Assert.Equal("PrepaymentCard", status.GetProperty("paymentMethod").GetString());
        var weeklyTotal = plan.GetProperty("weeklyTotalPence").GetInt64();
        Assert.Equal(weeklyTotal, plan.GetProperty("costs").EnumerateArray().Sum(c => c.GetProperty("weeklyPence").GetInt64()));
        Assert.Equal("Agreed", plan.GetProperty("status").GetString());
        Assert.Equal(weeklyTotal, status.GetProperty("finalWeeklyPence").GetInt64());
        Assert.Equal("Suitable", Assert.Single(decisions.GetProperty("suitability").EnumerateArray()).GetProperty("outcome").GetString());
        var funding = Assert.Single(decisions.GetProperty("funding").EnumerateArray());
        Assert.Equal("Approved", funding.GetProperty("outcome").GetString());
        Assert.False(funding.GetProperty("isOverturn").GetBoolean());
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("kind").GetString() == "Review" && t.GetProperty("completedOn").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryJourneyEndpoint()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var document = await client.Http.GetStringAsync(Uri("/openapi/v1.json"));

        foreach (var path in new[] { "\"/api/v1/arrangements\"", "\"/api/v1/arrangements/{arrangementId}\"", "/plan\"", "/decisions\"", "/tasks\"", "/assessment\"", "/move\"" })
        {
            Assert.Contains(path, document, StringComparison.Ordinal);
        }
        Assert.Contains("\"FundingDecision\"", document, StringComparison.Ordinal);
    }

    private async Task<Guid> CouncilAsync(string slug)
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            return await db.Councils.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
        }
    }

    private async Task<DateOnly> TodayAsync()
    {
        var (scope, _) = app.OpenDatabase();
        using (scope)
        {
            return scope.ServiceProvider.GetRequiredService<JourneyActions>().Today;
        }
    }

    /// <summary>A person of one's own, so no test depends on the demo people's arrangements.</summary>
    private async Task<(Guid Id, string Reference)> NewPersonAsync(Guid council, DateOnly? born = null)
    {
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var person = new Person
            {
                Id = Guid.NewGuid(),
                Reference = "API-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
                GivenName = "Test",
                FamilyName = "Person",
                DateOfBirth = born ?? new DateOnly(1970, 6, 15),
                CreatedAt = DateTime.UtcNow,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return (person.Id, person.Reference);
        }
    }

    /// <summary>An arrangement started by a practitioner and moved on through the real rules.</summary>
    private async Task<Guid> NewArrangementAsync(Guid council, Guid personId, Stage stage)
    {
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var journey = scope.ServiceProvider.GetRequiredService<JourneyActions>();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            var arrangement = journey.StartEnquiry(person, EnquiryChannel.Practitioner, LegalRoute.AdultWithCapacity, null, Who.System);
            await db.SaveChangesAsync();
            if (stage == Stage.Assessment)
            {
                Assert.Null(await journey.MoveAsync(arrangement, new MoveRequest(Stage.Assessment, Mover.Council, null), Who.System));
                await db.SaveChangesAsync();
            }
            else if (stage != Stage.Enquiry)
            {
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "Tests here start at Enquiry or Assessment.");
            }
            return arrangement.Id;
        }
    }

    /// <summary>An HTTP client holding a new API key of the council with these scopes, named "Test key".</summary>
    private async Task<HttpClient> ClientAsync(Guid council, string scopes)
    {
        var (scope, db) = app.OpenDatabase(council);
        string key;
        using (scope)
        {
            var (text, prefix, hash) = ApiKeyAuthentication.NewKey();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Test key", Prefix = prefix, SecretHash = hash, Scopes = scopes });
            await db.SaveChangesAsync();
            key = text;
        }
        var client = app.CreateClient().Http;
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private async Task AssertNoAssessmentAsync(Guid council, Guid arrangementId)
    {
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == arrangementId);
            Assert.Null(arrangement.AssessedOn);
            Assert.Null(arrangement.AssessmentReference);
            Assert.Null(arrangement.NeedLevel);
        }
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(JourneyApi.ProblemBase + type, problem.GetProperty("type").GetString());
        return problem;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

public sealed class JourneyApiTests_Sqlite(SqliteApp app) : JourneyApiTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyApiTests_Postgres(PostgresApp app) : JourneyApiTests(app), IClassFixture<PostgresApp>;
