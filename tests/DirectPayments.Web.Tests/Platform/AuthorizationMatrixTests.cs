using System.Net;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Platform;

/// <summary>
/// Every page and endpoint, for every role: exactly the answer the access policy gives (docs/security.md).
/// A new page fails this test until it is added to the table below.
/// </summary>
public abstract class AuthorizationMatrixTests(TestApp app)
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    private const HttpStatusCode Redirect = HttpStatusCode.Redirect;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;

    /// <summary>Who is asking: a demo account, or nobody (signed out).</summary>
    public sealed record Asker(DemoAccount? Account)
    {
        public Role? Role => Account?.Role;

        /// <summary>Amara Okafor's own sign-in (a person), as opposed to Grace Bennett, who represents someone else.</summary>
        public bool IsAmara => Account?.Email.StartsWith("amara", StringComparison.Ordinal) == true;

        /// <summary>Grace Bennett, who represents Leo (whose virtual wallet has the demo receipts).</summary>
        public bool IsGrace => Account?.Email.StartsWith("grace", StringComparison.Ordinal) == true;

        public override string ToString() => Account is null ? "signed out" : $"{Account.Role} {Account.Email}";
    }

    private static HttpStatusCode Staff(Asker a, params Role[] allowed) =>
        a.Role is null ? Redirect : allowed.Contains(a.Role.Value) ? Ok : Forbidden;

    /// <summary>A page about Amara's record: the roles allowed see it (Grace, a person who does not represent Amara, gets 404).</summary>
    private static HttpStatusCode AboutAmara(Asker a, params Role[] allowed) =>
        a.Role is null ? Redirect
        : !allowed.Contains(a.Role.Value) ? Forbidden
        : a.Role == Role.Person && !a.IsAmara ? NotFound
        : Ok;

    /// <summary>A page about Leo's wallet: the roles allowed see it (a person other than Grace gets 404).</summary>
    private static HttpStatusCode AboutLeo(Asker a, params Role[] allowed) =>
        a.Role is null ? Redirect
        : !allowed.Contains(a.Role.Value) ? Forbidden
        : a.Role == Role.Person && !a.IsGrace ? NotFound
        : Ok;

    /// <summary>Where Chromium is not installed, a PDF the asker may have is a 503 page offering the print version.</summary>
    private static HttpStatusCode PdfOr503(HttpStatusCode status) =>
        status == Ok && !File.Exists("/usr/bin/chromium") ? HttpStatusCode.ServiceUnavailable : status;

    private static readonly Role[] CaseloadStaff = [Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager, Role.CouncilAdmin];

    private static readonly Dictionary<string, Func<Asker, HttpStatusCode>> Expected = new()
    {
        ["GET /"] = _ => Ok,
        ["GET /accessibility"] = _ => Ok,
        ["GET /privacy"] = _ => Ok,
        ["GET /contact"] = _ => Ok,
        ["GET /sign-in"] = _ => Ok,
        ["GET /sign-in/two-factor"] = _ => Redirect,
        ["GET /sign-in/recovery-code"] = _ => Redirect,
        ["GET /account/forgot-password"] = _ => Ok,
        ["GET /account/reset-password"] = _ => NotFound,
        ["GET /account/accept-invitation"] = _ => NotFound,
        ["GET /account/sign-out"] = a => a.Role is null ? Ok : Redirect,
        ["GET /account/sign-out-everywhere"] = _ => Redirect,
        ["GET /error/{code}"] = _ => NotFound,
        ["GET /health/live"] = _ => Ok,
        ["GET /health/ready"] = _ => Ok,
        ["GET /openapi/{documentName}.json"] = _ => Ok,
        ["GET /home"] = a => a.Role is null ? Redirect : Ok,
        ["GET /account"] = a => a.Role is null ? Redirect : Ok,
        ["GET /account/two-factor/set-up"] = a => a.Role is null ? Redirect : Ok,
        ["GET /account/two-factor/recovery-codes"] = _ => Redirect,
        // The routes run in order, so no set-up has started yet: there is no QR code to show.
        ["GET /account/two-factor/qr-code"] = a => a.Role is null ? Redirect : NotFound,
        ["GET /choose-council"] = a => a.Role is null ? Redirect : a.Role == Role.SupportWorker ? Ok : Redirect,
        ["GET /people"] = a => Staff(a, CaseloadStaff),
        ["GET /people/{personId}"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /people/{personId}/contact"] = a => AboutAmara(a, Role.Person, Role.Practitioner, Role.SupportWorker, Role.Manager, Role.CouncilAdmin),
        ["GET /people/{personId}/who-has-looked"] = a => AboutAmara(a, Role.Person, Role.Manager, Role.CouncilAdmin),
        ["GET /admin/users"] = a => Staff(a, Role.CouncilAdmin),
        ["GET /admin/users/invite"] = a => Staff(a, Role.CouncilAdmin),
        ["GET /admin/users/{userId}"] = a => Staff(a, Role.CouncilAdmin),
        ["GET /admin/audit"] = a => Staff(a, Role.CouncilAdmin),
        ["GET /admin/api-keys"] = a => Staff(a, Role.CouncilAdmin),
        ["GET /arrangements/{arrangementId}/suitability"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/suitability/look-again"] = a => AboutAmara(a, Role.Person),
        ["GET /arrangements/{arrangementId}/funding"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/funding/decide"] = a => AboutAmara(a, Role.Manager),
        ["GET /funding-decisions"] = a => Staff(a, Role.Manager),
        ["GET /admin/allocation-tool"] = a => Staff(a, Role.CouncilAdmin, Role.Manager),
        ["GET /arrangements/{arrangementId}/assessment"] = a => AboutAmara(a, Role.Practitioner, Role.Manager),
        ["GET /arrangements/{arrangementId}/plan"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/plan/edit"] = a => AboutAmara(a, Role.Practitioner, Role.Manager),
        ["GET /arrangements/{arrangementId}/plan/{version}/print"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/reviews/new"] = a => AboutAmara(a, Role.Practitioner, Role.Manager),
        ["GET /arrangements/{arrangementId}/reviews/{reviewId}"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements"] = a => Staff(a, CaseloadStaff),
        ["GET /arrangements/{arrangementId}"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/move"] = a => AboutAmara(a, Role.Practitioner, Role.SupportWorker, Role.Manager),
        ["GET /arrangements/{arrangementId}/end"] = a => AboutAmara(a, Role.Person, Role.Practitioner, Role.Manager),
        ["GET /arrangements/{arrangementId}/home-visit"] = a => AboutAmara(a, Role.Practitioner, Role.SupportWorker, Role.Manager),
        ["GET /arrangements/{arrangementId}/tasks/{taskId}"] = a => AboutAmara(a, Role.Practitioner, Role.SupportWorker, Role.Manager),
        ["GET /people/{personId}/enquiry"] = a => AboutAmara(a, Role.Practitioner, Role.Manager),
        ["GET /my-direct-payment"] = a => Staff(a, Role.Person),
        ["GET /my-direct-payment/enquiry"] = a => Staff(a, Role.Person),
        ["GET /tasks"] = a => Staff(a, Role.Practitioner, Role.SupportWorker, Role.Manager),
        ["GET /arrangements/{arrangementId}/agreement"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/agreement/{version}"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        ["GET /arrangements/{arrangementId}/agreement/{version}/print"] = a => AboutAmara(a, [Role.Person, .. CaseloadStaff]),
        // Without Chromium (Pdf:ChromiumPath) the PDF route answers 503 and offers the print version instead.
        ["GET /arrangements/{arrangementId}/agreement/{version}/pdf"] = a => PdfOr503(AboutAmara(a, [Role.Person, .. CaseloadStaff])),
        ["GET /arrangements/{arrangementId}/set-up"] = a => AboutAmara(a, CaseloadStaff),
        ["GET /my-direct-payment/wallet"] = a => Staff(a, Role.Person),
        ["GET /my-direct-payment/wallet/receipts/new"] = a => Staff(a, Role.Person),
        ["GET /my-direct-payment/wallet/statement"] = a => Staff(a, Role.Person),
        ["GET /my-direct-payment/wallet/export"] = a => Staff(a, Role.Person),
        ["GET /my-direct-payment/wallet/receipts/{receiptId}"] = a => AboutLeo(a, Role.Person, Role.SupportWorker, Role.FinanceOfficer, Role.Manager),
        // The explanation is the person's own: staff who may see the account are refused, others do not find it.
        ["GET /my-direct-payment/wallet/transactions/{entryId}/explain"] = a =>
            AboutLeo(a, Role.Person, Role.SupportWorker, Role.FinanceOfficer, Role.Manager) is var s && s == Ok && a.Role != Role.Person ? Forbidden : s,
        ["GET /accounts/{accountId}"] = a => AboutAmara(a, Role.Person, Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager),
        ["GET /accounts/{accountId}/transactions"] = a => AboutAmara(a, Role.Person, Role.SupportWorker, Role.FinanceOfficer, Role.Manager),
        ["GET /accounts/{accountId}/export"] = a => AboutAmara(a, Role.Person, Role.SupportWorker, Role.FinanceOfficer, Role.Manager),
        ["GET /money/category-rules"] = a => Staff(a, Role.SupportWorker, Role.FinanceOfficer, Role.Practitioner, Role.Manager),
        ["GET /money/category-rules/new"] = a => Staff(a, Role.SupportWorker, Role.FinanceOfficer),
        ["GET /money/category-rules/{ruleId}"] = a => Staff(a, Role.SupportWorker, Role.FinanceOfficer),
        ["GET /money/spending-policy"] = a => Staff(a, Role.Person, Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager),
        ["GET /money/spending-policy/edit"] = a => Staff(a, Role.FinanceOfficer, Role.Manager),
        ["GET /money/payment-runs"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/payment-runs/new"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/payment-runs/{runId}"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/payment-runs/{runId}/{format}"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/contributions"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /accounts/{accountId}/payment-details"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /accounts/{accountId}/contributions/new"] = a => Staff(a, Role.FinanceOfficer),
        // The API takes API keys only: a signed-in cookie is not enough.
        ["GET /api/v1/accounts/{accountId}"] = _ => Unauthorized,
        ["GET /api/v1/accounts/{accountId}/export"] = _ => Unauthorized,
        ["GET /api/v1/people"] = _ => Unauthorized,
        ["GET /api/v1/people/{personId}"] = _ => Unauthorized,
        ["PUT /api/v1/people/{personId}/contact"] = _ => Unauthorized,
        ["GET /api/v1/arrangements"] = _ => Unauthorized,
        ["GET /api/v1/arrangements/{arrangementId}"] = _ => Unauthorized,
        ["GET /api/v1/arrangements/{arrangementId}/plan"] = _ => Unauthorized,
        ["GET /api/v1/arrangements/{arrangementId}/decisions"] = _ => Unauthorized,
        ["GET /api/v1/arrangements/{arrangementId}/tasks"] = _ => Unauthorized,
        // Statement import (issue #4): the finance team only.
        ["GET /money/imports"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/imports/{importId}"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/column-maps"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /money/column-maps/{mapId}"] = a => Staff(a, Role.FinanceOfficer),
        ["GET /api/v1/payment-runs/{runId}"] = _ => Unauthorized,
        ["GET /api/v1/payment-runs/{runId}/file"] = _ => Unauthorized,
        ["GET /api/v1/accounts/{accountId}/contributions"] = _ => Unauthorized,
        ["GET /money/flags"] = a => Staff(a, Role.SupportWorker, Role.FinanceOfficer, Role.Practitioner, Role.Manager),
        ["GET /money/flags/{flagId}"] = a => AboutAmara(a, Role.SupportWorker, Role.FinanceOfficer, Role.Practitioner, Role.Manager),
        ["GET /accounts/{accountId}/oversight"] = a => AboutAmara(a, Role.SupportWorker, Role.FinanceOfficer, Role.Practitioner, Role.Manager),
        ["GET /accounts/{accountId}/reclaims/new"] = a => AboutAmara(a, Role.FinanceOfficer, Role.Manager),
        ["GET /money/monitoring-settings"] = a => Staff(a, Role.FinanceOfficer, Role.Manager),
        ["GET /money/audit-sample"] = a => Staff(a, Role.FinanceOfficer, Role.Manager),
        ["GET /api/v1/flags"] = _ => Unauthorized,
        ["GET /api/v1/accounts/{accountId}/oversight"] = _ => Unauthorized,
    };

    [Fact]
    public void Table_CoversEveryPageAndEndpoint()
    {
        app.SkipIfUnavailable();
        var missing = EndpointCatalogue.Routes(app.Services)
            .Select(r => $"{r.Method} {r.Pattern}")
            .Where(r => !r.StartsWith("POST ", StringComparison.Ordinal) && !Expected.ContainsKey(r))
            .ToList();
        Assert.True(missing.Count == 0, "Add these to the authorisation matrix: " + string.Join(", ", missing));
    }

    public static TheoryData<string> Askers() => [.. DemoSeeder.Accounts.Select(a => a.Email).Prepend("")];

    [Theory]
    [MemberData(nameof(Askers))]
    public async Task EveryRoute_ForEachRole_GivesWhatThePolicySays(string email)
    {
        app.SkipIfUnavailable();
        var asker = new Asker(DemoSeeder.Accounts.SingleOrDefault(a => a.Email == email));
        using var client = app.CreateClient();
        if (asker.Account is not null)
        {
            await client.SignInAsync(asker.Account.Email);
        }
        var ids = await IdsAsync();
        var failures = new List<string>();
        foreach (var route in EndpointCatalogue.Routes(app.Services).Where(r => r.Method is "GET" or "PUT"))
        {
            var key = $"{route.Method} {route.Pattern}";
            if (!Expected.TryGetValue(key, out var expected))
            {
                continue; // Table_CoversEveryPageAndEndpoint reports it.
            }
            var path = route.Pattern.Replace("{personId}", ids.Amara.ToString(), StringComparison.Ordinal)
                .Replace("{userId}", ids.Admin.ToString(), StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("{code}", "500", StringComparison.Ordinal)
                .Replace("{arrangementId}", ids.Arrangement.ToString(), StringComparison.Ordinal)
                .Replace("{version}", "1", StringComparison.Ordinal)
                .Replace("{taskId}", ids.Task.ToString(), StringComparison.Ordinal)
                .Replace("{reviewId}", ids.Review.ToString(), StringComparison.Ordinal)
                .Replace("{importId}", ids.Import.ToString(), StringComparison.Ordinal)
                .Replace("{mapId}", ids.Map.ToString(), StringComparison.Ordinal)
                .Replace("{accountId}", ids.Account.ToString(), StringComparison.Ordinal)
                .Replace("{receiptId}", ids.Receipt.ToString(), StringComparison.Ordinal)
                .Replace("{entryId}", ids.Entry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{ruleId}", ids.Rule.ToString(), StringComparison.Ordinal)
                .Replace("{runId}", ids.Run.ToString(), StringComparison.Ordinal)
                .Replace("{format}", "csv", StringComparison.Ordinal)
                .Replace("{flagId}", ids.Flag.ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method == "PUT")
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(new { reason = "Matrix" });
            }
            using var response = await client.Http.SendAsync(request);
            var want = expected(asker);
            if (response.StatusCode != want)
            {
                failures.Add($"{key} ({path}) gave {(int)response.StatusCode}, expected {(int)want}");
            }
        }
        Assert.True(failures.Count == 0, $"As {asker}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task PersonRecord_OfAnotherTeam_IsNotFoundForAPractitioner()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        await client.SignInAsync(DemoSeeder.Accounts.Single(a => a.Role == Role.Practitioner).Email);
        var (scope, db) = app.OpenDatabase();
        Guid south;
        Guid north;
        using (scope)
        {
            var council = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
            db.Actor.CouncilId = council;
            south = await db.People.Where(p => p.Reference == "EX-000105").Select(p => p.Id).SingleAsync();
            north = await db.People.Where(p => p.Reference == "EX-000103").Select(p => p.Id).SingleAsync();
        }
        using var other = await client.GetAsync($"/people/{south}");
        Assert.Equal(NotFound, other.StatusCode);
        using var own = await client.GetAsync($"/people/{north}");
        Assert.Equal(Ok, own.StatusCode);
        var list = await client.GetPageAsync("/people");
        var references = list.QuerySelectorAll("tbody td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("EX-000103", references);
        Assert.DoesNotContain("EX-000105", references);
    }

    /// <summary>
    /// Amara's record, the administrator's account, Amara's active arrangement with its open review task and first review,
    /// the demo statement import, the council's demo column map, Amara's direct payment account,
    /// a receipt and a payment in Leo's virtual wallet, a category rule, the council's newest confirmed payment run, and a monitoring flag on Amara's account.
    /// </summary>
    private async Task<(Guid Amara, Guid Admin, Guid Arrangement, Guid Task, Guid Review, Guid Import, Guid Map, Guid Account, Guid Receipt, long Entry, Guid Rule, Guid Run, Guid Flag)> IdsAsync()
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            var council = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
            db.Actor.CouncilId = council;
            var amara = await db.People.Where(p => p.Reference == "EX-000101").Select(p => p.Id).SingleAsync();
            var adminEmail = DemoSeeder.Accounts.Single(a => a.Role == Role.CouncilAdmin).Email.ToUpperInvariant();
            var admin = await db.Users.Where(u => u.NormalizedEmail == adminEmail).Select(u => u.Id).SingleAsync();
            var arrangement = await db.Arrangements.Where(a => a.PersonId == amara).Select(a => a.Id).SingleAsync();
            // A supportive conversation task opens its flag's page instead, so it is not the task checked here.
            var task = await db.Tasks.Where(t => t.ArrangementId == arrangement && t.CompletedOn == null && t.Kind != TaskKind.SupportiveConversation)
                .OrderBy(t => t.DueOn).Select(t => t.Id).FirstAsync();
            var review = await db.Reviews.Where(r => r.ArrangementId == arrangement).Select(r => r.Id).FirstAsync();
            var import = await db.StatementImports.Where(i => i.FileName == MoneyStatementsDemo.FileName).Select(i => i.Id).FirstAsync();
            var map = await db.ColumnMaps.Where(m => m.Name == MoneyStatementsDemo.MapName).Select(m => m.Id).FirstAsync();
            var account = await db.DpAccounts.Where(a => a.PersonId == amara).Select(a => a.Id).SingleAsync();
            var leo = await db.People.Where(p => p.Reference == "EX-000102").Select(p => p.Id).SingleAsync();
            var leoAccount = await db.DpAccounts.Where(a => a.PersonId == leo).Select(a => a.Id).SingleAsync();
            var receipt = await db.Receipts.Where(r => r.AccountId == leoAccount).Select(r => r.Id).FirstAsync();
            var entry = await db.LedgerEntries.Where(e => e.AccountId == leoAccount && e.Payee == MoneyWalletDemo.ExplainedPayee).Select(e => e.Id).SingleAsync();
            var rule = await db.CategoryRules.Select(r => r.Id).FirstAsync();
            var run = await db.PaymentRuns.Where(r => r.Status == Domain.Finance.PaymentRunStatus.Confirmed)
                .OrderByDescending(r => r.PayOn).Select(r => r.Id).FirstAsync();
            var flag = await Finance.MoneyTestData.FlagForAsync(db, account);
            return (amara, admin, arrangement, task, review, import, map, account, receipt, entry, rule, run, flag);
        }
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
