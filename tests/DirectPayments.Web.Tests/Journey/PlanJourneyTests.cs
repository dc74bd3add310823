using System.Net;
using DirectPayments.Domain.Journey;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>The assessment outcome, the support plan (write, agree, comment, print, new versions) and reviews.</summary>
public abstract class PlanJourneyTests(TestApp app)
{
    private const string Practitioner = "priya.shah@demo.example";
    private const string Amara = "amara.okafor@demo.example";

    // People on Priya's team (Adults North): Edith is 65 or over, Daniel is 18 to 64, Amara signs in herself.
    private const string Edith = "EX-000103";
    private const string Daniel = "EX-000104";
    private const string AmaraRecord = "EX-000101";

    private async Task<TestClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private static Dictionary<string, string> AssessmentForm(DateOnly on, string needs = "Help with washing, dressing and getting out") => new()
    {
        ["AssessmentReference"] = "CS-778812",
        ["AssessedOn.Day"] = on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AssessedOn.Month"] = on.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AssessedOn.Year"] = on.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["EligibleNeeds"] = needs,
        ["NeedLevel"] = nameof(NeedLevel.High),
        ["Route"] = nameof(LegalRoute.AdultWithCapacity),
    };

    private static string FieldError(AngleSharp.Dom.IDocument page, string id) =>
        page.GetElementById(id + "-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim() ?? "";

    [Fact]
    public async Task Assessment_FutureDateAndNoNeeds_ShowsErrorsAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Edith, Stage.Assessment);
        using var client = await SignedInAsync(Practitioner);
        var form = AssessmentForm(PlanTestData.Today(app).AddDays(1), needs: " ");

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/assessment", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(["The date of the assessment must be today or in the past", "Enter the eligible needs the assessment found"], TestClient.ErrorSummary(page));
        Assert.Equal("Enter the eligible needs the assessment found", FieldError(page, "EligibleNeeds"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var saved = await PlanTestData.ReadAsync(app, db => db.Arrangements.SingleAsync(a => a.Id == arrangement.Id));
        Assert.Null(saved.AssessmentReference);
        Assert.Null(saved.IndicativeWeeklyPence);
    }

    [Fact]
    public async Task Assessment_Saved_WorksOutTheIndicativeBudgetFromTheToolInForce()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Edith, Stage.Assessment);
        var version = await PlanTestData.ToolAsync(app);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/assessment", AssessmentForm(PlanTestData.Today(app)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await PlanTestData.ReadAsync(app, db => db.Arrangements.SingleAsync(a => a.Id == arrangement.Id));
        // The test tool pays £100 a week per need level step: High is the third.
        Assert.Equal(30000, saved.IndicativeWeeklyPence);
        Assert.Equal(NeedLevel.High, saved.NeedLevel);
        Assert.Equal("CS-778812", saved.AssessmentReference);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/assessment");
        Assert.Contains($"Indicative budget: £300.00 a week, from allocation tool version {version}", page.GetElementById("indicative-budget")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessment_ToolHasNoRate_SaysWhichRateIsMissingAndSavesNothing()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Edith, Stage.Assessment);
        await PlanTestData.ToolAsync(app, withRates: false);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/assessment", AssessmentForm(PlanTestData.Today(app)));

        Assert.Equal(["The council has not set an allocation tool rate for adults aged 65 and over with high needs. Ask your manager to set one at /admin/allocation-tool"],
            await TestClient.ErrorsAsync(response));
        var saved = await PlanTestData.ReadAsync(app, db => db.Arrangements.SingleAsync(a => a.Id == arrangement.Id));
        Assert.Null(saved.AssessedOn);
        await PlanTestData.ToolAsync(app);
    }

    [Fact]
    public async Task Assessment_AfterPlanning_CannotBeChanged()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Edith, Stage.Active);
        using var client = await SignedInAsync(Practitioner);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/assessment");
        Assert.Null(page.QuerySelector("main form[method=post]"));

        using var response = await client.PostWithTokenAsync($"/arrangements/{arrangement.Id}/assessment", $"/arrangements/{arrangement.Id}/assessment",
            AssessmentForm(PlanTestData.Today(app)));

        Assert.Equal(["The assessment outcome can only be recorded or changed at assessment or support planning. This direct payment is at active"], await TestClient.ErrorsAsync(response));
    }

    [Fact]
    public async Task Plan_Start_CreatesDraftVersionOneWithTheCouncilsWords()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Planning);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan", new Dictionary<string, string>(), handler: "Start");

        Assert.Equal($"/arrangements/{arrangement.Id}/plan/edit", response.Headers.Location?.OriginalString);
        var plan = await PlanTestData.ReadAsync(app, db => db.SupportPlans.SingleAsync(p => p.ArrangementId == arrangement.Id));
        Assert.Equal((1, PlanStatus.Draft, SupportPlanRules.DefaultCanBeUsedFor), (plan.Version, plan.Status, plan.CanBeUsedFor));
    }

    [Fact]
    public async Task PlanEdit_HalfFilledRows_ShowErrorsAtTheFieldsAndSaveNothing()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Planning);
        var plan = await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft, complete: false);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan/edit", new Dictionary<string, string>
        {
            ["Outcomes[0].InTheirWords"] = "I want to see my friends at the club",
            ["Costs[0].Category"] = nameof(CostCategory.Activities),
            ["Costs[0].Description"] = "Club membership",
            ["Costs[0].Weekly"] = "12.345",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(
            ["Outcome 1: enter how this need is met, or clear the row", "Cost 1: enter the weekly cost as an amount in pounds and pence, like 120.50"],
            TestClient.ErrorSummary(page));
        Assert.Equal("Outcome 1: enter how this need is met, or clear the row", FieldError(page, "Outcomes[0].HowItIsMet"));
        Assert.Equal("I want to see my friends at the club", page.GetElementById("Outcomes[0].InTheirWords")!.TextContent);
        var saved = await PlanTestData.ReadAsync(app, db => db.SupportPlans.Include(p => p.Outcomes).Include(p => p.Costs).SingleAsync(p => p.Id == plan.Id));
        Assert.Empty(saved.Outcomes);
        Assert.Empty(saved.Costs);
    }

    [Fact]
    public async Task PlanEdit_AddAnotherOutcome_AddsABlankRowAndKeepsWhatWasTyped()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Planning);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft, complete: false);
        using var client = await SignedInAsync(Practitioner);
        var before = await client.GetPageAsync($"/arrangements/{arrangement.Id}/plan/edit");
        Assert.Equal(2, before.QuerySelectorAll("textarea[name$='.InTheirWords']").Length);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan/edit", new Dictionary<string, string>
        {
            // A browser posts every row's fields; the test client posts only inputs, not text areas.
            ["Outcomes[0].InTheirWords"] = "",
            ["Outcomes[1].InTheirWords"] = "Cook my own tea",
            ["Add"] = "outcome",
        });

        var page = await TestClient.ParseAsync(response);
        Assert.Empty(TestClient.ErrorSummary(page));
        Assert.Equal(3, page.QuerySelectorAll("textarea[name$='.InTheirWords']").Length);
        Assert.Equal("Cook my own tea", page.GetElementById("Outcomes[1].InTheirWords")!.TextContent);
        var outcomes = await PlanTestData.ReadAsync(app, db => db.SupportPlans.Where(p => p.ArrangementId == arrangement.Id).SelectMany(p => p.Outcomes).CountAsync());
        Assert.Equal(0, outcomes);
    }

    [Fact]
    public async Task PlanEdit_Saved_KeepsTheRowsAndShowsTheWeeklyTotalAgainstTheIndicativeBudget()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Planning);
        var plan = await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft, complete: false);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan/edit", new Dictionary<string, string>
        {
            ["Outcomes[0].InTheirWords"] = "I want to cook my own tea",
            ["Outcomes[0].HowItIsMet"] = "A PA helps on weekday evenings",
            ["Costs[0].Category"] = nameof(CostCategory.PersonalAssistant),
            ["Costs[0].Description"] = "PA, weekday evenings",
            ["Costs[0].Hours"] = "7.5",
            ["Costs[0].Weekly"] = "£112.50",
            ["Costs[1].Category"] = nameof(CostCategory.Equipment),
            ["Costs[1].Description"] = "Kitchen aids",
            ["Costs[1].Weekly"] = "5",
            ["ContingencyPlan"] = "My brother helps if the PA is away",
            ["PaysCloseFamilyInHousehold"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await PlanTestData.ReadAsync(app, db => db.SupportPlans.Include(p => p.Outcomes).Include(p => p.Costs).SingleAsync(p => p.Id == plan.Id));
        Assert.Equal(PlanStatus.Draft, saved.Status);
        Assert.Equal("A PA helps on weekday evenings", Assert.Single(saved.Outcomes).HowItIsMet);
        Assert.Equal([(450, 11250L), (0, 500L)], saved.Costs.OrderBy(c => c.Order).Select(c => (c.WeeklyMinutes, c.WeeklyPence)));
        Assert.True(saved.PaysCloseFamilyInHousehold);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/plan/edit");
        var total = page.GetElementById("running-total")!.TextContent;
        Assert.Contains("£117.50", total, StringComparison.Ordinal);
        Assert.Contains("This is £182.50 a week less than the indicative budget of £300.00.", total, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanEdit_AgreedPlan_CannotBeEditedButANewVersionKeepsTheOldOne()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Active);
        var agreed = await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Agreed);
        using var client = await SignedInAsync(Practitioner);
        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/plan/edit");
        Assert.Null(page.QuerySelector("textarea[name='ContingencyPlan']"));
        Assert.Contains("Start a new version", page.QuerySelector("main form button")!.TextContent, StringComparison.Ordinal);

        using var edit = await client.PostWithTokenAsync($"/arrangements/{arrangement.Id}/plan/edit", $"/arrangements/{arrangement.Id}/plan/edit",
            new Dictionary<string, string> { ["ContingencyPlan"] = "Changed behind the person's back" });
        Assert.Equal(["Version 1 of the plan has been agreed, so it cannot be changed. Start a new version to make changes: version 1 is kept as it was"],
            await TestClient.ErrorsAsync(edit));

        using var next = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan/edit", new Dictionary<string, string>(), handler: "NewVersion");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var plans = await PlanTestData.ReadAsync(app, db => db.SupportPlans.Include(p => p.Outcomes).Where(p => p.ArrangementId == arrangement.Id).OrderBy(p => p.Version).ToListAsync());
        Assert.Equal([(1, PlanStatus.Superseded), (2, PlanStatus.Draft)], plans.Select(p => (p.Version, p.Status)));
        Assert.Equal("My sister Ada steps in if my PA is off sick", plans[0].ContingencyPlan);
        Assert.Equal(plans[0].Outcomes.Single().InTheirWords, plans[1].Outcomes.Single().InTheirWords);
        var view = await client.GetPageAsync($"/arrangements/{arrangement.Id}/plan");
        Assert.NotNull(view.GetElementById("earlier-versions"));
        Assert.NotNull(view.QuerySelector($"a[href='/arrangements/{arrangement.Id}/plan/1/print']"));
    }

    [Fact]
    public async Task Plan_PersonTicksAndAgrees_RecordsTheirAgreement()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, AmaraRecord, Stage.Planning);
        var plan = await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft);
        using var client = await SignedInAsync(Amara);
        var path = $"/arrangements/{arrangement.Id}/plan";

        using var unticked = await client.SubmitAsync(path, new Dictionary<string, string>(), handler: "Agree");
        Assert.Equal(["Tick the box to say you have read this plan and agree it"], await TestClient.ErrorsAsync(unticked));

        using var agreed = await client.SubmitAsync(path, new Dictionary<string, string> { ["AgreeConfirmed"] = "true" }, handler: "Agree");

        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var saved = await PlanTestData.ReadAsync(app, db => db.SupportPlans.SingleAsync(p => p.Id == plan.Id));
        Assert.Equal((PlanStatus.Agreed, "Amara Okafor"), (saved.Status, saved.AgreedByName));
        Assert.NotNull(saved.AgreedAt);
        Assert.NotNull(saved.AgreedByUserId);
        var page = await client.GetPageAsync(path);
        Assert.Contains("Agreed by Amara Okafor", page.GetElementById("agreed-by")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_PractitionerRecordsAgreementOnPaper_SaysWhoRecordedItAndHow()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Planning);
        var plan = await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft);
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/plan", new Dictionary<string, string>
        {
            ["PersonAgreedConfirmed"] = "true",
            ["HowAgreed"] = "agreed on paper at a home visit",
        }, handler: "RecordAgreement");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await PlanTestData.ReadAsync(app, db => db.SupportPlans.SingleAsync(p => p.Id == plan.Id));
        Assert.Equal((PlanStatus.Agreed, "Recorded by Priya Shah: agreed on paper at a home visit"), (saved.Status, saved.AgreedByName));
    }

    [Fact]
    public async Task Plan_Comment_IsAddedWithItsAuthor()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, AmaraRecord, Stage.Planning);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft);
        using var client = await SignedInAsync(Amara);
        var path = $"/arrangements/{arrangement.Id}/plan";

        using var empty = await client.SubmitAsync(path, new Dictionary<string, string> { ["CommentText"] = " " }, handler: "Comment");
        Assert.Equal(["Enter your comment"], await TestClient.ErrorsAsync(empty));

        using var response = await client.SubmitAsync(path, new Dictionary<string, string> { ["CommentText"] = "Can swimming be on Sundays instead?" }, handler: "Comment");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(path);
        var comments = page.GetElementById("comment-list")!.TextContent;
        Assert.Contains("Amara Okafor", comments, StringComparison.Ordinal);
        Assert.Contains("Can swimming be on Sundays instead?", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPrint_ShowsTheVersionItsContentAndWhoAgreedIt()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, AmaraRecord, Stage.Active);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Agreed);
        using var client = await SignedInAsync(Amara);

        var page = await client.GetPageAsync($"/arrangements/{arrangement.Id}/plan/1/print");

        Assert.Equal("Support plan, version 1", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("I want to go swimming on Saturdays", text, StringComparison.Ordinal);
        Assert.Contains("£120.50", page.GetElementById("weekly-total")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("My sister Ada steps in", text, StringComparison.Ordinal);
        Assert.StartsWith("Agreed by Edith Clarke on ", page.GetElementById("agreed-by")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".govuk-service-navigation"));
        using var missing = await client.GetAsync($"/arrangements/{arrangement.Id}/plan/9/print");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Review_FullFromTask_CompletesItAndCreatesTheNextReviewTask()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Active, a => a.ReviewIntervalMonths = 12);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Agreed);
        var today = PlanTestData.Today(app);
        var taskId = await PlanTestData.ReadAsync(app, async db =>
        {
            var task = new CaseTask { Id = Guid.CreateVersion7(), ArrangementId = arrangement.Id, PersonId = arrangement.PersonId, Kind = TaskKind.Review, DueOn = today, CreatedAt = DateTime.UtcNow };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        using var client = await SignedInAsync(Practitioner);
        var path = $"/arrangements/{arrangement.Id}/reviews/new?taskId={taskId}";

        using var future = await client.SubmitAsync(path, ReviewForm(today.AddDays(3), "full"));
        Assert.Equal(["The date the review was held must be today or in the past"], await TestClient.ErrorsAsync(future));

        using var response = await client.SubmitAsync(path, ReviewForm(today, "full"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tasks = await PlanTestData.ReadAsync(app, db => db.Tasks.Where(t => t.ArrangementId == arrangement.Id).OrderBy(t => t.DueOn).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal(today, tasks.Single(t => t.Id == taskId).CompletedOn);
        var next = tasks.Single(t => t.Id != taskId);
        Assert.Equal((TaskKind.Review, today.AddMonths(12), (DateOnly?)null), (next.Kind, next.DueOn, next.CompletedOn));
        var review = await PlanTestData.ReadAsync(app, db => db.Reviews.SingleAsync(r => r.ArrangementId == arrangement.Id));
        Assert.Equal((true, taskId, "Priya Shah"), (review.IsFullReview, review.TaskId!.Value, review.RecordedByName));
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Full review", page.GetElementById("review-kind")!.TextContent);
    }

    [Fact]
    public async Task Review_FullFromTheOverviewLink_CompletesTheReviewThatIsDue()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Active, a => a.ReviewIntervalMonths = 12);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Agreed);
        var today = PlanTestData.Today(app);
        var taskId = await PlanTestData.ReadAsync(app, async db =>
        {
            var task = new CaseTask { Id = Guid.CreateVersion7(), ArrangementId = arrangement.Id, PersonId = arrangement.PersonId, Kind = TaskKind.Review, DueOn = today.AddDays(10), CreatedAt = DateTime.UtcNow };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        using var client = await SignedInAsync(Practitioner);

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/reviews/new", ReviewForm(today, "full"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tasks = await PlanTestData.ReadAsync(app, db => db.Tasks.Where(t => t.ArrangementId == arrangement.Id).ToListAsync());
        Assert.Equal(today, tasks.Single(t => t.Id == taskId).CompletedOn);
        Assert.Equal(today.AddMonths(12), tasks.Single(t => t.Id != taskId && t.CompletedOn == null).DueOn);
    }

    [Fact]
    public async Task Review_NewPlanNeeded_StartsTheNextPlanVersionAndOpensIt()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.Active);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Agreed);
        using var client = await SignedInAsync(Practitioner);
        var form = ReviewForm(PlanTestData.Today(app), "light-touch");
        form["NewPlanNeeded"] = "true";

        using var response = await client.SubmitAsync($"/arrangements/{arrangement.Id}/reviews/new", form);

        Assert.Equal($"/arrangements/{arrangement.Id}/plan/edit", response.Headers.Location?.OriginalString);
        var plans = await PlanTestData.ReadAsync(app, db => db.SupportPlans.Where(p => p.ArrangementId == arrangement.Id).OrderBy(p => p.Version).Select(p => p.Status).ToListAsync());
        Assert.Equal([PlanStatus.Superseded, PlanStatus.Draft], plans);
        // A light-touch review does not restart the review clock, so no review task is created.
        Assert.False(await PlanTestData.ReadAsync(app, db => db.Tasks.AnyAsync(t => t.ArrangementId == arrangement.Id)));
    }

    [Fact]
    public async Task Review_BeforeTheDirectPaymentIsPaid_IsRefused()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, Daniel, Stage.SetUp);
        using var client = await SignedInAsync(Practitioner);
        var path = $"/arrangements/{arrangement.Id}/reviews/new";

        using var response = await client.PostWithTokenAsync(path, path, ReviewForm(PlanTestData.Today(app), "full"));

        Assert.Equal(["A review can only be recorded once the direct payment is being paid. This one is at setting up"], await TestClient.ErrorsAsync(response));
        Assert.False(await PlanTestData.ReadAsync(app, db => db.Reviews.AnyAsync(r => r.ArrangementId == arrangement.Id)));
    }

    [Fact]
    public async Task Pages_OtherCouncilsArrangement_AreNotFound()
    {
        app.SkipIfUnavailable();
        var other = await PlanTestData.ArrangementAsync(app, "OB-000001", Stage.Active, slug: DemoSeeder.SecondCouncilSlug);
        using var client = await SignedInAsync("mark.evans@demo.example");
        foreach (var path in new[] { "assessment", "plan", "plan/edit", "plan/1/print", "reviews/new", $"reviews/{Guid.NewGuid()}" })
        {
            using var response = await client.GetAsync($"/arrangements/{other.Id}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task PlanEdit_AsThePerson_IsForbidden()
    {
        app.SkipIfUnavailable();
        var arrangement = await PlanTestData.ArrangementAsync(app, AmaraRecord, Stage.Planning);
        await PlanTestData.PlanAsync(app, arrangement.Id, PlanStatus.Draft);
        using var client = await SignedInAsync(Amara);

        using var edit = await client.GetAsync($"/arrangements/{arrangement.Id}/plan/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var forged = await client.PostWithTokenAsync($"/arrangements/{arrangement.Id}/plan", $"/arrangements/{arrangement.Id}/plan?handler=RecordAgreement",
            new Dictionary<string, string> { ["PersonAgreedConfirmed"] = "true", ["HowAgreed"] = "on paper" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    private static Dictionary<string, string> ReviewForm(DateOnly heldOn, string kind) => new()
    {
        ["HeldOn.Day"] = heldOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HeldOn.Month"] = heldOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HeldOn.Year"] = heldOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReviewType"] = kind,
        ["WhatIsWorking"] = "The PA is reliable and Daniel likes her",
        ["WhatIsNotWorking"] = "Evenings are too short",
    };
}

public sealed class PlanJourneyTests_Sqlite(SqliteApp app) : PlanJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class PlanJourneyTests_Postgres(PostgresApp app) : PlanJourneyTests(app), IClassFixture<PostgresApp>;
