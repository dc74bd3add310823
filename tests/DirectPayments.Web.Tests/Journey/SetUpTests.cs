using System.Globalization;
using System.Net;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>Setting up a direct payment on one form and starting payments (issue #3, item 7).</summary>
public abstract class SetUpTests(TestApp app)
{
    private const string Practitioner = "priya.shah@demo.example";

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{field}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{field}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Save_BadDates_ShowsErrorsAtTheFieldsAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var (id, today) = await WalkToSetUpAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var fields = new Dictionary<string, string> { ["PaymentMethod"] = "VirtualWallet", ["WillEmployPersonalAssistant"] = "False" };
        foreach (var (k, v) in Date("SignUpVisitOn", today.AddDays(3)).Concat(Date("FirstPaymentOn", today.AddDays(-1))))
        {
            fields[k] = v;
        }
        using var response = await client.SubmitAsync($"/arrangements/{id}/set-up", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["The date of the sign-up visit must be today or in the past. Record the visit once it has happened", "The date of the first payment must be today or in the future"],
            await TestClient.ErrorsAsync(response));
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("The date of the first payment must be today or in the future", page.QuerySelector("#FirstPaymentOn-error")!.TextContent, StringComparison.Ordinal);

        var arrangement = await ArrangementAsync(id);
        Assert.Null(arrangement.PaymentMethod);
        Assert.Null(arrangement.FirstPaymentOn);
    }

    [Fact]
    public async Task Save_MakeActiveBeforeTheChecklistIsDone_IsRefusedAndChangesNothing()
    {
        app.SkipIfUnavailable();
        var (id, today) = await WalkToSetUpAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var fields = new Dictionary<string, string> { ["PaymentMethod"] = "PrepaymentCard", ["WillEmployPersonalAssistant"] = "False", ["MakeActive"] = "True" };
        foreach (var (k, v) in Date("FirstPaymentOn", today.AddDays(7)))
        {
            fields[k] = v;
        }
        using var response = await client.SubmitAsync($"/arrangements/{id}/set-up", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Complete the sign-up visit checklist first"], await TestClient.ErrorsAsync(response));
        var arrangement = await ArrangementAsync(id);
        Assert.Equal((Stage.SetUp, (PaymentMethod?)null), (arrangement.Stage, arrangement.PaymentMethod));
    }

    [Fact]
    public async Task Save_EverythingReady_MakesActiveWithTheFirstReviewDueSixMonthsAfterTheFirstPayment()
    {
        app.SkipIfUnavailable();
        var (id, today) = await WalkToSetUpAsync();
        var organisation = await SupportOrganisationAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Practitioner);
        var firstPayment = today.AddDays(10);
        var fields = new Dictionary<string, string>
        {
            ["PaymentMethod"] = "OwnBankAccount",
            ["SupportOrganisationId"] = organisation.ToString(),
            ["WillEmployPersonalAssistant"] = "True",
            ["MakeActive"] = "True",
        };
        foreach (var (k, v) in Date("SupportReferralOn", today).Concat(Date("SignUpVisitOn", today)).Concat(Date("FirstPaymentOn", firstPayment))
            .Concat(Date("PersonalAssistantStartsOn", today.AddDays(14))))
        {
            fields[k] = v;
        }
        var values = fields.ToList();
        values.AddRange(SignUpChecklist.Items.Select(i => new KeyValuePair<string, string>("ChecklistDone", i.Code)));
        var page = await client.GetPageAsync($"/arrangements/{id}/set-up");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("main form input[name=Version]")!.GetAttribute("value")!;
        values.Add(new("__RequestVerificationToken", token));
        values.Add(new("Version", version));
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.Http.PostAsync(new Uri($"/arrangements/{id}/set-up", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(response)));

        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var arrangement = await db.Arrangements.SingleAsync(a => a.Id == id);
            Assert.Equal(Stage.Active, arrangement.Stage);
            Assert.Equal(PaymentMethod.OwnBankAccount, arrangement.PaymentMethod);
            Assert.Equal(organisation, arrangement.SupportOrganisationId);
            Assert.Equal(firstPayment, arrangement.FirstPaymentOn);
            Assert.True(SignUpChecklist.IsComplete(arrangement.SignUpChecklistDone));
            var tasks = await db.Tasks.Where(t => t.ArrangementId == id).ToListAsync();
            Assert.Equal(firstPayment.AddMonths(6), Assert.Single(tasks, t => t.Kind == TaskKind.Review).DueOn);
            Assert.Equal(today.AddDays(14).AddDays(42), Assert.Single(tasks, t => t.Kind == TaskKind.SixWeekCheck).DueOn);
            Assert.False(Assert.Single(tasks, t => t.Kind == TaskKind.SignUpVisit).IsOpen);
            Assert.False(Assert.Single(tasks, t => t.Kind == TaskKind.ReferToSupportService).IsOpen);
            Assert.Contains(tasks, t => t.Kind == TaskKind.EmployerChecklist && t.IsOpen);
        }
    }

    [Fact]
    public async Task Save_AsFinanceOfficer_IsForbidden()
    {
        app.SkipIfUnavailable();
        var (id, _) = await WalkToSetUpAsync();
        using var client = app.CreateClient();
        await client.SignInAsync("fiona.reid@demo.example");
        var page = await client.GetPageAsync($"/arrangements/{id}/set-up");
        Assert.Null(page.QuerySelector("main form[method=post]"));
        using var response = await client.PostWithTokenAsync($"/arrangements/{id}/set-up", $"/arrangements/{id}/set-up",
            new Dictionary<string, string> { ["PaymentMethod"] = "PrepaymentCard", ["WillEmployPersonalAssistant"] = "False" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(IServiceScope Scope, DpDbContext Db)> OpenAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }

    /// <summary>A new arrangement for Edith (Adults North, Priya's team) at set-up, with nothing recorded yet.</summary>
    private async Task<(Guid Id, DateOnly Today)> WalkToSetUpAsync()
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var person = await db.People.SingleAsync(p => p.Reference == "EX-000103");
            var builder = scope.ServiceProvider.GetRequiredService<JourneyBuilder>();
            var arrangement = await builder.WalkToAsync(person, Stage.SetUp, new JourneyShape { StartedDaysAgo = 20, EmploysPersonalAssistant = false });
            return (arrangement.Id, scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInEngland());
        }
    }

    private async Task<Arrangement> ArrangementAsync(Guid id)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.Arrangements.AsNoTracking().SingleAsync(a => a.Id == id);
        }
    }

    private async Task<Guid> SupportOrganisationAsync()
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var organisation = await db.OrganisationContracts.Select(c => c.OrganisationId).FirstAsync();
            return organisation;
        }
    }
}

public sealed class SetUpTests_Sqlite(SqliteApp app) : SetUpTests(app), IClassFixture<SqliteApp>;

public sealed class SetUpTests_Postgres(PostgresApp app) : SetUpTests(app), IClassFixture<PostgresApp>;
