using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DirectPayments.Domain.Platform;
using DirectPayments.Domain.Platform.Audit;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Xunit;

namespace DirectPayments.Web.Tests.Platform;

/// <summary>The audit trail, staff accounts (invitation, one-time codes, recovery codes, lockout, reset) and the API's contract.</summary>
public abstract partial class AuditAndAccountTests(TestApp app)
{
    private static string Email(Role role) => DemoSeeder.Accounts.First(a => a.Role == role).Email;

    private async Task<(Guid Council, Guid Amara)> ExampleshireAsync()
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            var council = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
            db.Actor.CouncilId = council;
            return (council, await db.People.Where(p => p.Reference == "EX-000101").Select(p => p.Id).SingleAsync());
        }
    }

    [Fact]
    public async Task ViewingARecord_IsShownToThePersonUnderWhoHasLooked()
    {
        app.SkipIfUnavailable();
        var (_, amara) = await ExampleshireAsync();
        using var practitioner = app.CreateClient();
        await practitioner.SignInAsync(Email(Role.Practitioner));
        await practitioner.GetPageAsync($"/people/{amara}");

        using var person = app.CreateClient();
        await person.SignInAsync(Email(Role.Person));
        var home = await person.GetPageAsync("/home");
        Assert.Contains("Hello, Amara Okafor", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var page = await person.GetPageAsync($"/people/{amara}/who-has-looked");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Priya Shah (Practitioner)", StringComparison.Ordinal) && r.Contains("Looked at the record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingContactDetails_NeedsAReason_AndAuditsFieldsNotValues()
    {
        app.SkipIfUnavailable();
        var (council, amara) = await ExampleshireAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Email(Role.Practitioner));
        using var bad = await client.SubmitAsync($"/people/{amara}/contact", new Dictionary<string, string> { ["Phone"] = "ring me", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await TestClient.ParseAsync(bad);
        Assert.StartsWith("Error: ", badPage.Title, StringComparison.Ordinal);
        Assert.Equal(["Enter a telephone number, like 01632 960 001 or 07700 900 982", "Enter why you are changing the contact details"], TestClient.ErrorSummary(badPage));
        Assert.Contains("Enter why you are changing the contact details", badPage.QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);

        using var good = await client.SubmitAsync($"/people/{amara}/contact", new Dictionary<string, string> { ["Phone"] = "07700 900 555", ["Reason"] = "New mobile" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal("07700 900 555", (await db.People.SingleAsync(p => p.Id == amara)).Phone);
            var entry = await db.AuditEntries.Where(a => a.PersonId == amara && a.Action == "person.updated").OrderByDescending(a => a.Sequence).FirstAsync();
            Assert.Equal("New mobile", entry.Reason);
            Assert.Equal("Changed: Phone", entry.Details);
            Assert.DoesNotContain("07700", entry.Details, StringComparison.Ordinal);
            Assert.NotNull(entry.ActorUserId);
        }
    }

    [Fact]
    public async Task AuditChain_AfterActivity_IsIntact_AndATamperedRowIsReported()
    {
        app.SkipIfUnavailable();
        var (council, amara) = await ExampleshireAsync();
        using var admin = app.CreateClient();
        await admin.SignInAsync(Email(Role.CouncilAdmin));
        for (var i = 0; i < 5; i++)
        {
            await admin.GetPageAsync($"/people/{amara}");
        }
        var page = await admin.GetPageAsync("/admin/audit");
        Assert.Contains("are intact", page.QuerySelector("#chain-status")!.TextContent, StringComparison.Ordinal);

        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
            Assert.Null(AuditChain.Verify(entries));
            var victim = entries[^2];
            await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "person.nothing-to-see"));
        }
        page = await admin.GetPageAsync("/admin/audit?Action=person.viewed");
        Assert.Contains("tampered with", page.QuerySelector("#chain-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ToTwoFactorSetUp_ToSignInWithCode_Works()
    {
        app.SkipIfUnavailable();
        var email = $"new.{Guid.NewGuid():N}@exampleshire.example";
        using var admin = app.CreateClient();
        await admin.SignInAsync(Email(Role.CouncilAdmin));
        using var empty = await admin.SubmitAsync("/admin/users/invite", new Dictionary<string, string>());
        Assert.Equal(["Enter their email address", "Enter their full name", "Select their role"], (await TestClient.ErrorsAsync(empty)).Order(StringComparer.Ordinal));
        using var sent = await admin.SubmitAsync("/admin/users/invite", new Dictionary<string, string> { ["DisplayName"] = "Jo New", ["Email"] = email, ["Role"] = "FinanceOfficer" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = LinkPattern().Match(admin.LatestEmail()).Value;
        Assert.Contains("/account/accept-invitation?token=", link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;

        using var staff = app.CreateClient();
        using var common = await staff.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = "password1234" });
        Assert.Contains(await TestClient.ErrorsAsync(common), e => e.StartsWith("This password is one of the most common passwords", StringComparison.Ordinal));
        using var shortOne = await staff.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = "kettle" });
        Assert.Contains(await TestClient.ErrorsAsync(shortOne), e => e.StartsWith("Password must be 12 characters or more", StringComparison.Ordinal));
        const string passphrase = "kettle river lantern orbit";
        using var created = await staff.SubmitAsync(path, new Dictionary<string, string> { ["Password"] = passphrase });
        Assert.Equal("/account/two-factor/set-up", created.Headers.Location?.OriginalString);

        // Until the app is set up, every other page sends staff back to set-up.
        using var blocked = await staff.GetAsync("/people");
        Assert.Equal("/account/two-factor/set-up", blocked.Headers.Location?.OriginalString);
        var setUp = await staff.GetPageAsync("/account/two-factor/set-up");
        var secret = setUp.QuerySelector("#setup-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        using var qr = await staff.GetAsync("/account/two-factor/qr-code");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        using var wrong = await staff.SubmitAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.Equal(["The code must be 6 numbers, like 123456"], await TestClient.ErrorsAsync(wrong));
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        using var done = await staff.SubmitAsync("/account/two-factor/set-up", new Dictionary<string, string> { ["Code"] = totp.ComputeTotp() });
        Assert.Equal("/account/two-factor/recovery-codes", done.Headers.Location?.OriginalString);
        var codes = (await staff.GetPageAsync("/account/two-factor/recovery-codes")).QuerySelectorAll("#recovery-codes li").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/people")).StatusCode);

        // Signing in again asks for a code; a recovery code works once.
        using var next = app.CreateClient();
        using var password = await next.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = passphrase });
        Assert.Equal("/sign-in/two-factor", password.Headers.Location?.OriginalString?.Split('?')[0]);
        using var badCode = await next.SubmitAsync("/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" });
        Assert.Equal(["The code is not right or has expired. Enter the code your app shows now"], await TestClient.ErrorsAsync(badCode));
        using var recovery = await next.SubmitAsync("/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/people")).StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksTheAccount_AndResetByEmailWorks()
    {
        app.SkipIfUnavailable();
        var email = Email(Role.Trainer);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not the right one" });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        using var locked = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.Password });
        Assert.Contains(await TestClient.ErrorsAsync(locked), e => e.StartsWith("Your account is locked", StringComparison.Ordinal));

        using var forgot = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("Check your email", await forgot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(client.LatestEmail()).Value).PathAndQuery;
        using var reset = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "new passphrase for tariq" });
        Assert.Equal("/sign-in", reset.Headers.Location?.OriginalString);
        var signIn = await client.GetPageAsync("/sign-in");
        Assert.Equal("Your password has been changed. Sign in with your new password",
            signIn.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")!.TextContent.Trim());
        await client.SignInAsync(email, "new passphrase for tariq");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/home")).StatusCode);
    }

    [Fact]
    public async Task Api_ScopesRevocationAndProblemDetails_BehaveAsDocumented()
    {
        app.SkipIfUnavailable();
        var (council, amara) = await ExampleshireAsync();
        string readKey;
        Guid readKeyId;
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
            var row = new ApiKey { Id = Guid.NewGuid(), Name = "Reader", Prefix = prefix, SecretHash = hash, Scopes = ApiScopes.PeopleRead };
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync();
            (readKey, readKeyId) = (key, row.Id);
        }
        using var client = app.CreateClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", readKey);
        var list = await client.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/people?pageSize=5", UriKind.Relative));
        Assert.Equal(5, list.GetProperty("items").GetArrayLength());
        Assert.True(list.GetProperty("totalCount").GetInt32() >= 12);

        using var badPage = await client.Http.GetAsync(new Uri("/api/v1/people?pageSize=500", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("application/problem+json", badPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pageSize must be between 1 and 100", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var missing = await client.Http.GetAsync(new Uri($"/api/v1/people/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://directpayments.invalid/problems/person-not-found", problem.GetProperty("type").GetString());

        using var write = await client.Http.PutAsJsonAsync(new Uri($"/api/v1/people/{amara}/contact", UriKind.Relative), new { phone = "07700 900 111", reason = "API" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var (scope2, db2) = app.OpenDatabase(council);
        using (scope2)
        {
            await db2.ApiKeys.Where(k => k.Id == readKeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        }
        using var revoked = await client.Http.GetAsync(new Uri("/api/v1/people", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        var openApi = await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/people/{personId}/contact", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders_AndErrorPagesUseTheLayout()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        using var home = await client.GetAsync("/");
        var csp = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", home.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", home.Headers.GetValues("Referrer-Policy").Single());
        var notFound = await client.GetPageAsync("/no-such-page", HttpStatusCode.NotFound);
        Assert.Equal("Page not found", notFound.QuerySelector("h1")!.TextContent.Trim());
        var forbidden = app.CreateClient();
        await forbidden.SignInAsync(Email(Role.Trainer) == "" ? "" : Email(Role.Commissioner));
        var denied = await forbidden.GetPageAsync("/admin/users", HttpStatusCode.Forbidden);
        Assert.Equal("You do not have permission to see this page", denied.QuerySelector("h1")!.TextContent.Trim());
        using var post = await client.Http.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent([new("Email", "x@y.example")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode); // no antiforgery token
        forbidden.Dispose();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class AuditAndAccountTests_Sqlite(SqliteApp app) : AuditAndAccountTests(app), IClassFixture<SqliteApp>;

public sealed class AuditAndAccountTests_Postgres(PostgresApp app) : AuditAndAccountTests(app), IClassFixture<PostgresApp>;

/// <summary>Rate limits, with a low limit set for this class only.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" };
    }

    [Fact]
    public async Task SignIn_TooManyPostsInAMinute_Returns429WithThePage()
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Email"] = "nobody@example.com", ["Password"] = "wrong password" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
