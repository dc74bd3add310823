using System.Net;
using System.Text.Json;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>Contributions expected against received, arrears, and recording money the council collected (issue #4, item 2).</summary>
public abstract class ContributionsTests(TestApp app)
{
    [Fact]
    public async Task List_DemoPerson_ShowsBehindByOnePaymentInPlainWords()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var page = await client.GetPageAsync("/money/contributions");
        // Amara pays £35 a week, £140 every four weeks, into her account; the demo has her latest one still to come in.
        var amara = page.QuerySelectorAll("#contributions tbody tr").Single(r => r.TextContent.Contains("Amara Okafor", StringComparison.Ordinal));
        Assert.Contains("Behind by £140.00 (1 payment)", amara.TextContent, StringComparison.Ordinal);
        Assert.Contains("Net: pays into the account", amara.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/arrangements/", amara.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nora Price", page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Leo Bennett", page.DocumentElement.TextContent, StringComparison.Ordinal);   // no contribution
    }

    [Fact]
    public async Task List_SortedByArrears_PutsTheFurthestBehindFirst()
    {
        app.SkipIfUnavailable();
        var far = await app.NewActiveAccountAsync(startedDaysAgo: 200, contributionPence: 50_000);   // 8 periods of £2,000 unpaid
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var page = await client.GetPageAsync("/money/contributions?sort=arrears");
        var first = page.QuerySelectorAll("#contributions tbody tr")[0];
        Assert.Contains(far.PersonName, first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Behind by £16,000.00 (8 payments)", first.TextContent, StringComparison.Ordinal);
        var byName = await client.GetPageAsync("/money/contributions?sort=name");
        Assert.Contains("Amara Okafor", byName.QuerySelectorAll("#contributions tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_GrossAccount_PostsPersonToCouncilAndReducesArrears()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 30, contributionPence: 3_500, basis: PaymentBasis.Gross);
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var path = $"/accounts/{account.AccountId}/contributions/new";
        var fields = new Dictionary<string, string> { ["Amount"] = "140.00", ["Method"] = "DirectDebit" };
        foreach (var (k, v) in FinanceTestData.Date("ReceivedOn", app.Today().AddDays(-1)))
        {
            fields[k] = v;
        }
        using (var response = await client.SubmitAsync(path, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var entry = Assert.Single(await app.EntriesAsync(account));
        Assert.Equal((LedgerBook.Council, LedgerBook.Person, 14_000L, EntrySource.Contribution), (entry.Debit, entry.Credit, entry.AmountPence, entry.Source));
        var (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "contribution.recorded" && a.RecordId == account.AccountId.ToString()).ToListAsync());
        }
        var page = await client.GetPageAsync("/money/contributions?sort=name");
        var row = page.QuerySelectorAll("#contributions tbody tr").SingleOrDefault(r => r.TextContent.Contains(account.PersonName, StringComparison.Ordinal));
        // Two periods due (30 and 2 days ago), £280 expected, £140 received.
        Assert.Contains("Behind by £140.00 (1 payment)", row?.TextContent ?? await PageWithAsync(client, account.PersonName), StringComparison.Ordinal);
    }

    private static async Task<string> PageWithAsync(TestClient client, string name)
    {
        for (var n = 2; n < 20; n++)
        {
            var page = await client.GetPageAsync($"/money/contributions?sort=name&page={n}");
            if (page.QuerySelectorAll("#contributions tbody tr").FirstOrDefault(r => r.TextContent.Contains(name, StringComparison.Ordinal)) is { } row)
            {
                return row.TextContent;
            }
        }
        return "";
    }

    [Theory]
    [InlineData("1,234.5O", "Enter an amount in pounds and pence, like 140.00")]
    [InlineData("", "Enter the amount received")]
    [InlineData("0", "The amount received must be more than £0.00")]
    public async Task Record_BadAmount_SaysWhatToDoAndPostsNothing(string amount, string message)
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(contributionPence: 3_500, basis: PaymentBasis.Gross);
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var fields = new Dictionary<string, string> { ["Amount"] = amount, ["Method"] = "Cash" };
        foreach (var (k, v) in FinanceTestData.Date("ReceivedOn", app.Today()))
        {
            fields[k] = v;
        }
        using var response = await client.SubmitAsync($"/accounts/{account.AccountId}/contributions/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], await TestClient.ErrorsAsync(response));
        Assert.Empty(await app.EntriesAsync(account));
    }

    [Fact]
    public async Task Record_NetAccount_ExplainsThereIsNothingToRecord()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(contributionPence: 3_500, basis: PaymentBasis.Net);
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var page = await client.GetPageAsync($"/accounts/{account.AccountId}/contributions/new");
        Assert.Contains("paid net", page.QuerySelector("#net")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Api_Contributions_GivesExpectedReceivedAndBehindInPence()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 30, contributionPence: 2_500);
        using var client = await app.ApiClientAsync(account.CouncilId, ApiScopes.MoneyRead);
        using var response = await client.GetAsync(new Uri($"/api/v1/accounts/{account.AccountId}/contributions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Net", 10_000L, 20_000L, 0L, 20_000L, 2),
            (body.GetProperty("basis").GetString(), body.GetProperty("perPaymentPence").GetInt64(), body.GetProperty("expectedPence").GetInt64(),
             body.GetProperty("receivedPence").GetInt64(), body.GetProperty("behindPence").GetInt64(), body.GetProperty("paymentsBehind").GetInt32()));
    }
}

public sealed class ContributionsTests_Sqlite(SqliteApp app) : ContributionsTests(app), IClassFixture<SqliteApp>;

public sealed class ContributionsTests_Postgres(PostgresApp app) : ContributionsTests(app), IClassFixture<PostgresApp>;
