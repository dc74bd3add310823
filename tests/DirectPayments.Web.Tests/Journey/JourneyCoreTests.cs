using System.Globalization;
using System.Net;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>
/// The core journey pages: caseload, overview, moves, ending, enquiries, home visits and tasks. Each
/// test makes its own people so it does not depend on the demo data or on other tests.
/// </summary>
public abstract class JourneyCoreTests(TestApp app)
{
    private const string Practitioner = "priya.shah@demo.example";
    private const string Manager = "mark.evans@demo.example";
    private const string PersonPassword = "A long test passphrase for people 2026";
    private static int _counter;

    private DateOnly Today => app.Services.GetRequiredService<TimeProvider>().TodayInEngland();

    [Fact]
    public async Task Caseload_Practitioner_SeesOnlyTheirTeam_AndFiltersByStageAndOverdue()
    {
        app.SkipIfUnavailable();
        var north = await NewArrangementAsync(Stage.Planning, "Adults North team");
        var northOverdue = await NewArrangementAsync(Stage.Planning, "Adults North team", overdueTask: true);
        var south = await NewArrangementAsync(Stage.Planning, "Adults South team", overdueTask: true);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);

        var planning = References(await client.GetPageAsync("/arrangements?stage=Planning"));
        Assert.Contains(north.Reference, planning);
        Assert.Contains(northOverdue.Reference, planning);
        Assert.DoesNotContain(south.Reference, planning);

        var overdue = await client.GetPageAsync("/arrangements?stage=Planning&Overdue=true");
        var overdueReferences = References(overdue);
        Assert.Contains(northOverdue.Reference, overdueReferences);
        Assert.DoesNotContain(north.Reference, overdueReferences);
        Assert.Contains("Overdue", overdue.QuerySelector("#caseload")!.TextContent, StringComparison.Ordinal);

        var searched = References(await client.GetPageAsync("/arrangements?Search=" + north.Reference));
        Assert.Equal([north.Reference], searched);

        var none = await client.GetPageAsync("/arrangements?Search=Nobody-by-this-name");
        Assert.Equal("No direct payments match these filters. Try clearing them.", none.QuerySelector("#no-results")!.TextContent.Trim());

        using var manager = app.CreateClient();
        await manager.SignInAsync("fiona.reid@demo.example");
        Assert.Contains(south.Reference, References(await manager.GetPageAsync("/arrangements?stage=Planning")));
    }

    [Fact]
    public async Task Overview_AtAssessment_ShowsStaffWhatIsMissing_AndAuditsTheView()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Assessment);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}");
        Assert.EndsWith("Record the assessment outcome and the eligible needs before support planning starts",
            page.QuerySelector("#missing")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(Stage.Assessment.WhatHappensNext(), page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("details.dp-step-guidance"));
        Assert.Equal("You are here", page.QuerySelectorAll("#progress .govuk-task-list__status")[1].TextContent.Trim());
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "arrangement.viewed" && e.RecordId == arrangement.Id.ToString() && e.PersonId == arrangement.PersonId));
        }
    }

    [Fact]
    public async Task Move_WhenTheRulesRefuse_ShowsWhyAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Assessment);
        var before = await SnapshotAsync(arrangement.Id);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Record the assessment outcome and the eligible needs before support planning starts"], await TestClient.ErrorsAsync(response));
        Assert.Equal(before, await SnapshotAsync(arrangement.Id));
    }

    [Fact]
    public async Task Move_Allowed_RecordsWhoWhenAndWhy()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Enquiry);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/arrangements/{arrangement.Id}", response.Headers.Location!.OriginalString);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.Equal(Stage.Assessment, (await db.Arrangements.SingleAsync(a => a.Id == arrangement.Id)).Stage);
            var transition = await db.ArrangementTransitions.Where(t => t.ArrangementId == arrangement.Id && t.To == Stage.Assessment).SingleAsync();
            Assert.Equal(Stage.Enquiry, transition.From);
            Assert.Equal("Priya Shah", transition.ActorName);
            Assert.NotNull(transition.ActorUserId);
        }
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}");
        Assert.Equal("Moved from enquiry to assessment", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("Enquiry to assessment", page.QuerySelector("#timeline tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_WithoutAReason_IsRefused_AndWithOneIsRecorded()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Active);
        var before = await SnapshotAsync(arrangement.Id);
        using var client = app.CreateClient();
        await client.SignInAsync(Manager);
        var path = $"/arrangements/{arrangement.Id}/move?to=Suspended";
        var form = await client.GetPageAsync(path);
        Assert.NotNull(form.QuerySelector("input[name=To][value=Suspended][checked]"));
        using var refused = await client.SubmitAsync(path, new Dictionary<string, string> { ["To"] = "Suspended", ["Reason"] = " " });
        Assert.Equal(["Enter why the direct payment is being paused"], await TestClient.ErrorsAsync(refused));
        var page = await TestClient.ParseAsync(refused);
        Assert.Contains("Enter why the direct payment is being paused", page.QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(arrangement.Id));

        using var paused = await client.SubmitAsync(path, new Dictionary<string, string> { ["To"] = "Suspended", ["Reason"] = "In hospital for a few weeks" });
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.Equal(Stage.Suspended, (await db.Arrangements.SingleAsync(a => a.Id == arrangement.Id)).Stage);
            Assert.Equal("In hospital for a few weeks", (await db.ArrangementTransitions.SingleAsync(t => t.ArrangementId == arrangement.Id && t.To == Stage.Suspended)).Reason);
        }
    }

    [Fact]
    public async Task Move_WithAnOutdatedVersion_IsRefused()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Enquiry);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}", new Dictionary<string, string> { ["Version"] = Guid.NewGuid().ToString() });
        Assert.Equal(["Someone else changed this direct payment while you were looking at it. Check the page, which is now up to date, and try again"],
            await TestClient.ErrorsAsync(response));
        Assert.Equal(Stage.Enquiry, (await SnapshotAsync(arrangement.Id)).Stage);
    }

    [Fact]
    public async Task End_ByThePerson_EndsItAndOpensTheFollowOnTasks()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Active, configure: a => a.WillEmployPersonalAssistant = true);
        var email = await NewPersonUserAsync(arrangement.PersonId, Relationship.Self);
        using var client = app.CreateClient();
        await client.SignInAsync(email, PersonPassword);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/end");
        Assert.Contains("You can stop your direct payment at any time", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var refused = await client.SubmitAsync($"/arrangements/{arrangement.Id}/end", new Dictionary<string, string>());
        Assert.Equal(["Select why you want to end your direct payment", "Confirm that you want to end your direct payment"], await TestClient.ErrorsAsync(refused));

        using var ended = await client.SubmitAsync($"/arrangements/{arrangement.Id}/end",
            new Dictionary<string, string> { ["PersonReason"] = "NeedsMetAnotherWay", ["Confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/my-direct-payment", ended.Headers.Location!.OriginalString);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var saved = await db.Arrangements.SingleAsync(a => a.Id == arrangement.Id);
            Assert.Equal(Stage.Ended, saved.Stage);
            Assert.Equal(EndedBy.Person, saved.EndedBy);
            Assert.Equal(EndingReason.NeedsMetAnotherWay, saved.EndingReason);
            var open = await db.Tasks.Where(t => t.ArrangementId == arrangement.Id && t.CompletedOn == null).Select(t => t.Kind).ToListAsync();
            Assert.Contains(TaskKind.FinalReconciliation, open);
            Assert.Contains(TaskKind.EndPersonalAssistantEmployment, open);
        }
    }

    [Fact]
    public async Task End_ByTheCouncilBeforeTheNoticePeriod_IsRefusedAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Active);
        var before = await SnapshotAsync(arrangement.Id);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var endsOn = Today.AddDays(10);
        var earliest = Today.AddDays(28).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var fields = new Dictionary<string, string>
        {
            ["Reason"] = "NotUsedForNeeds",
            ["Reasons"] = "The money has not been used for the needs in the plan since March, despite three supportive conversations.",
            ["EndsOn.Day"] = endsOn.Day.ToString(CultureInfo.InvariantCulture),
            ["EndsOn.Month"] = endsOn.Month.ToString(CultureInfo.InvariantCulture),
            ["EndsOn.Year"] = endsOn.Year.ToString(CultureInfo.InvariantCulture),
        };
        using var refused = await client.SubmitAsync($"/arrangements/{arrangement.Id}/end", fields);
        Assert.Equal([$"The end date must be on or after {earliest}: the council gives 28 days' notice unless the law says payments must stop straight away"],
            await TestClient.ErrorsAsync(refused));
        Assert.Equal(before, await SnapshotAsync(arrangement.Id));

        var later = Today.AddDays(28);
        fields["EndsOn.Day"] = later.Day.ToString(CultureInfo.InvariantCulture);
        fields["EndsOn.Month"] = later.Month.ToString(CultureInfo.InvariantCulture);
        fields["EndsOn.Year"] = later.Year.ToString(CultureInfo.InvariantCulture);
        using var ended = await client.SubmitAsync($"/arrangements/{arrangement.Id}/end", fields);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var saved = await db.Arrangements.SingleAsync(a => a.Id == arrangement.Id);
            Assert.Equal((Stage.Ended, EndedBy.Council, later, Today), (saved.Stage, saved.EndedBy!.Value, saved.EndsOn!.Value, saved.NoticeGivenOn!.Value));
        }
    }

    [Fact]
    public async Task Enquiry_ByAPractitioner_StartsTheJourneyAndBooksTheVisit()
    {
        app.SkipIfUnavailable();
        var personId = await NewPersonAsync("Adults North team");
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var record = await client.GetPageAsync($"/people/{personId}");
        Assert.NotNull(record.QuerySelector($"a[href='/people/{personId}/enquiry']"));
        var form = await client.GetPageAsync($"/people/{personId}/enquiry");
        Assert.NotNull(form.QuerySelector("input[name=Route][value=AdultWithCapacity][checked]"));
        var visit = Today.AddDays(3);
        using var response = await client.SubmitAsync($"/people/{personId}/enquiry", new Dictionary<string, string>
        {
            ["Channel"] = "Person",
            ["Notes"] = "I want to choose who helps me in the mornings",
            ["HomeVisitOn.Day"] = visit.Day.ToString(CultureInfo.InvariantCulture),
            ["HomeVisitOn.Month"] = visit.Month.ToString(CultureInfo.InvariantCulture),
            ["HomeVisitOn.Year"] = visit.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.PersonId == personId);
            Assert.Equal($"/arrangements/{arrangement.Id}", response.Headers.Location!.OriginalString);
            Assert.Equal((Stage.Enquiry, EnquiryChannel.Person, LegalRoute.AdultWithCapacity), (arrangement.Stage, arrangement.Channel, arrangement.Route));
            Assert.Equal("I want to choose who helps me in the mornings", arrangement.EnquiryNotes);
            var normalised = Practitioner.ToUpperInvariant();
            var priya = await db.Users.SingleAsync(u => u.NormalizedEmail == normalised);
            Assert.Equal(priya.Id, arrangement.PractitionerId);
            var task = await db.Tasks.SingleAsync(t => t.ArrangementId == arrangement.Id);
            Assert.Equal((TaskKind.HomeVisit, visit, visit), (task.Kind, task.DueOn, task.BookedFor!.Value));
        }
    }

    [Fact]
    public async Task Enquiry_WhenADirectPaymentIsAlreadyOpen_IsRefused()
    {
        app.SkipIfUnavailable();
        var existing = await NewArrangementAsync(Stage.Planning);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        using var response = await client.SubmitAsync($"/people/{existing.PersonId}/enquiry", new Dictionary<string, string> { ["Channel"] = "Practitioner" });
        Assert.Equal(["Test already has a direct payment at the support planning step. Open it instead"], await TestClient.ErrorsAsync(response));
        var page = await TestClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#Existing a[href='/arrangements/{existing.Id}']"));
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.Equal(1, await db.Arrangements.CountAsync(a => a.PersonId == existing.PersonId));
        }
    }

    [Fact]
    public async Task Enquiry_ByThePerson_ShowsTheInformationFirst_ThenStartsTheJourney()
    {
        app.SkipIfUnavailable();
        var personId = await NewPersonAsync("Adults North team");
        var email = await NewPersonUserAsync(personId, Relationship.Self);
        using var client = app.CreateClient();
        await client.SignInAsync(email, PersonPassword);
        var mine = await client.GetPageAsync("/my-direct-payment");
        Assert.NotNull(mine.QuerySelector("a[href='/my-direct-payment/enquiry']"));
        var page = await client.GetPageAsync("/my-direct-payment/enquiry");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("What is a direct payment?", text, StringComparison.Ordinal);
        Assert.Contains(SupportPlanRules.DefaultCanBeUsedFor, text, StringComparison.Ordinal);
        Assert.Equal(StageExtensions.Path.Count, page.QuerySelectorAll("#steps > li").Length);
        Assert.StartsWith("Information hub: coming soon", page.QuerySelector("#information-hub")!.TextContent.Trim(), StringComparison.Ordinal);

        using var refused = await client.SubmitAsync("/my-direct-payment/enquiry", new Dictionary<string, string>());
        Assert.Equal(["Tell us what you would like help with", "Select yes if you would like a home visit", "Select how you would like us to contact you"],
            await TestClient.ErrorsAsync(refused));

        using var response = await client.SubmitAsync("/my-direct-payment/enquiry", new Dictionary<string, string>
        {
            ["HelpWith"] = "Getting to the allotment and seeing my friends",
            ["WantsVisit"] = "yes",
            ["ContactBy"] = "phone",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-direct-payment", response.Headers.Location!.OriginalString);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.PersonId == personId);
            Assert.Equal((Stage.Enquiry, EnquiryChannel.Person), (arrangement.Stage, arrangement.Channel));
            Assert.StartsWith("Getting to the allotment and seeing my friends", arrangement.EnquiryNotes, StringComparison.Ordinal);
            var task = await db.Tasks.SingleAsync(t => t.ArrangementId == arrangement.Id);
            Assert.Equal((TaskKind.HomeVisit, Today.AddDays(10)), (task.Kind, task.DueOn));
        }
        var after = await client.GetPageAsync("/my-direct-payment");
        Assert.Contains(Stage.Enquiry.WhatHappensNext(), after.QuerySelector(".what-happens-next")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomeVisit_InThePast_IsRefused_AndABookedVisitShowsToThePerson()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Enquiry);
        var email = await NewPersonUserAsync(arrangement.PersonId, Relationship.Self);
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var yesterday = Today.AddDays(-1);
        using var refused = await client.SubmitAsync($"/arrangements/{arrangement.Id}/home-visit", DateFields("VisitOn", yesterday));
        Assert.Equal(["The date of the home visit must be today or in the future"], await TestClient.ErrorsAsync(refused));
        using var notReal = await client.SubmitAsync($"/arrangements/{arrangement.Id}/home-visit",
            new Dictionary<string, string> { ["VisitOn.Day"] = "31", ["VisitOn.Month"] = "2", ["VisitOn.Year"] = "2027" });
        Assert.Equal(["Date of the home visit must be a real date"], await TestClient.ErrorsAsync(notReal));
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.False(await db.Tasks.AnyAsync(t => t.ArrangementId == arrangement.Id));
        }

        var visit = Today.AddDays(5);
        using var booked = await client.SubmitAsync($"/arrangements/{arrangement.Id}/home-visit", DateFields("VisitOn", visit));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        using var person = app.CreateClient();
        await person.SignInAsync(email, PersonPassword);
        var mine = await person.GetPageAsync("/my-direct-payment");
        Assert.Contains(visit.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), mine.QuerySelector(".visits")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_Completed_RecordsWhatHappened_AndLeavesTheOverdueList()
    {
        app.SkipIfUnavailable();
        var arrangement = await NewArrangementAsync(Stage.Enquiry, overdueTask: true);
        Guid taskId;
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            taskId = await db.Tasks.Where(t => t.ArrangementId == arrangement.Id).Select(t => t.Id).SingleAsync();
        }
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var overdue = await client.GetPageAsync("/tasks?Show=overdue");
        Assert.NotNull(overdue.QuerySelector($"a[href='/arrangements/{arrangement.Id}/tasks/{taskId}']"));

        var path = $"/arrangements/{arrangement.Id}/tasks/{taskId}";
        using var refused = await client.SubmitAsync(path, new Dictionary<string, string> { ["Outcome"] = "" });
        Assert.Equal(["Enter what happened"], await TestClient.ErrorsAsync(refused));
        using var done = await client.SubmitAsync(path, new Dictionary<string, string> { ["Outcome"] = "Visited; talked through what a direct payment could pay for." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (scope2, db2) = await OpenAsync();
        using (scope2)
        {
            var task = await db2.Tasks.SingleAsync(t => t.Id == taskId);
            Assert.Equal((Today, "Priya Shah", "Visited; talked through what a direct payment could pay for."), (task.CompletedOn!.Value, task.CompletedByName!, task.Outcome!));
        }
        var after = await client.GetPageAsync("/tasks?Show=overdue");
        Assert.Null(after.QuerySelector($"a[href='/arrangements/{arrangement.Id}/tasks/{taskId}']"));
    }

    [Fact]
    public async Task Arrangement_OfAnotherTeam_IsNotFoundForAPractitioner()
    {
        app.SkipIfUnavailable();
        var south = await NewArrangementAsync(Stage.Planning, "Adults South team");
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        foreach (var path in new[] { $"/arrangements/{south.Id}", $"/arrangements/{south.Id}/move", $"/arrangements/{south.Id}/end", $"/arrangements/{south.Id}/home-visit" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }
        using var post = await client.PostWithTokenAsync("/arrangements", $"/arrangements/{south.Id}/move", new Dictionary<string, string> { ["To"] = "Suitability" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(Stage.Planning, (await SnapshotAsync(south.Id)).Stage);
    }

    [Fact]
    public async Task EveryCorePage_WithAnotherCouncilsRecord_IsNotFound_EvenForAManager()
    {
        app.SkipIfUnavailable();
        var (arrangementId, taskId, personId) = await OtherCouncilArrangementAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Manager);
        string[] paths =
        [
            $"/arrangements/{arrangementId}", $"/arrangements/{arrangementId}/move", $"/arrangements/{arrangementId}/end",
            $"/arrangements/{arrangementId}/home-visit", $"/arrangements/{arrangementId}/tasks/{taskId}", $"/people/{personId}/enquiry",
        ];
        foreach (var path in paths)
        {
            using var get = await client.GetAsync(path);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path} gave {(int)get.StatusCode}");
            using var post = await client.PostWithTokenAsync("/arrangements", path, new Dictionary<string, string>
            {
                ["To"] = "Suspended",
                ["Reason"] = "Test",
                ["Outcome"] = "Test",
                ["Channel"] = "Person",
            });
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {path} gave {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task MyDirectPayment_ForAmaraAndGrace_ShowsOnlyTheirOwnPeople()
    {
        app.SkipIfUnavailable();
        var amaraId = await DemoPersonAsync("EX-000101");
        var (scope, db) = await OpenAsync();
        Arrangement? amaras;
        using (scope)
        {
            amaras = await db.Arrangements.Where(a => a.PersonId == amaraId && a.Stage != Stage.Ended).FirstOrDefaultAsync();
        }
        amaras ??= await NewArrangementAsync(Stage.Planning, existingPersonId: amaraId);

        using var amara = app.CreateClient();
        await amara.SignInAsync("amara.okafor@demo.example");
        var page = await amara.GetPageAsync("/my-direct-payment");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Equal("Your direct payment", page.QuerySelector("#heading-EX-000101")!.TextContent.Trim());
        Assert.Contains(amaras.Reference, main, StringComparison.Ordinal);
        Assert.Contains(amaras.Stage.WhatHappensNext(), main, StringComparison.Ordinal);
        Assert.Contains("direct.payments@exampleshire.example", main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/arrangements/{amaras.Id}/end']"));
        Assert.DoesNotContain("Leo", main, StringComparison.Ordinal);

        using var grace = app.CreateClient();
        await grace.SignInAsync("grace.bennett@demo.example");
        var graces = await grace.GetPageAsync("/my-direct-payment");
        Assert.Equal("Leo Bennett's direct payment", graces.QuerySelector("#heading-EX-000102")!.TextContent.Trim());
        Assert.DoesNotContain("Amara", graces.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var notHers = await grace.GetAsync($"/arrangements/{amaras.Id}");
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
    }

    private static List<string> References(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#caseload tbody tr td:nth-child(2)").Select(c => c.FirstChild!.TextContent.Trim())];

    private static Dictionary<string, string> DateFields(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record Snapshot(Stage Stage, Guid Version, int Transitions, int Tasks, EndedBy? EndedBy);

    private async Task<Snapshot> SnapshotAsync(Guid arrangementId)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var a = await db.Arrangements.AsNoTracking().SingleAsync(x => x.Id == arrangementId);
            return new Snapshot(a.Stage, a.Version, await db.ArrangementTransitions.CountAsync(t => t.ArrangementId == arrangementId),
                await db.Tasks.CountAsync(t => t.ArrangementId == arrangementId), a.EndedBy);
        }
    }

    private async Task<(IServiceScope Scope, DpDbContext Db)> OpenAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }

    private async Task<Guid> DemoPersonAsync(string reference)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.People.Where(p => p.Reference == reference).Select(p => p.Id).SingleAsync();
        }
    }

    /// <summary>A new person on a team's caseload, called "Test Person-N", aged 40.</summary>
    private async Task<Guid> NewPersonAsync(string team)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
            var n = Interlocked.Increment(ref _counter);
            var person = new Person
            {
                Id = Guid.NewGuid(),
                Reference = $"EX-T{app.Provider[0]}{n:D4}",
                GivenName = "Test",
                FamilyName = $"Person-{n}",
                DateOfBirth = Today.AddYears(-40),
                TeamId = teamId,
                CreatedAt = DateTime.UtcNow,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        }
    }

    /// <summary>An arrangement already at a stage, set up directly in the database, with an overdue home visit if asked.</summary>
    private async Task<Arrangement> NewArrangementAsync(Stage stage, string team = "Adults North team", bool overdueTask = false,
        Action<Arrangement>? configure = null, Guid? existingPersonId = null)
    {
        var personId = existingPersonId ?? await NewPersonAsync(team);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var journey = scope.ServiceProvider.GetRequiredService<JourneyActions>();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            var arrangement = journey.StartEnquiry(person, EnquiryChannel.Practitioner, LegalRoute.AdultWithCapacity, "Test enquiry", Who.System);
            arrangement.Stage = stage;
            configure?.Invoke(arrangement);
            if (overdueTask)
            {
                await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, Today.AddDays(-3));
            }
            await db.SaveChangesAsync();
            return arrangement;
        }
    }

    private async Task<(Guid Arrangement, Guid Task, Guid Person)> OtherCouncilArrangementAsync()
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.SecondCouncilSlug).Select(c => c.Id).SingleAsync();
            var journey = scope.ServiceProvider.GetRequiredService<JourneyActions>();
            var person = await db.People.FirstAsync();
            var arrangement = journey.StartEnquiry(person, EnquiryChannel.Practitioner, LegalRoute.AdultWithCapacity, null, Who.System);
            var task = await journey.AddTaskAsync(arrangement, TaskKind.HomeVisit, Today.AddDays(5));
            await db.SaveChangesAsync();
            return (arrangement.Id, task.Id, person.Id);
        }
    }

    /// <summary>A person's own sign-in (or a representative's) linked to a record.</summary>
    private async Task<string> NewPersonUserAsync(Guid personId, Relationship relationship)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var email = $"person-{Guid.NewGuid():N}@test.example";
            var user = new AppUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Test Person",
                Role = Role.Person,
                CouncilId = db.Actor.CouncilId,
                CreatedAt = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, PersonPassword);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            db.PersonAccess.Add(new PersonAccess { Id = Guid.NewGuid(), PersonId = personId, UserId = user.Id, Relationship = relationship });
            await db.SaveChangesAsync();
            return email;
        }
    }
}

public sealed class JourneyCoreTests_Sqlite(SqliteApp app) : JourneyCoreTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyCoreTests_Postgres(PostgresApp app) : JourneyCoreTests(app), IClassFixture<PostgresApp>;
