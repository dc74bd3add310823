using System.Globalization;
using System.Net;
using CsvHelper;
using CsvHelper.Configuration;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance.Payments;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>Payment runs through the pages: draft, confirm once only, held and problem lists, and the files (issue #4, item 2).</summary>
public abstract class PaymentRunTests(TestApp app)
{
    private static readonly string[] RefusedCodes = ["already-confirmed", "paid-meanwhile", "nothing-to-pay"];

    private async Task<(TestClient Client, Guid RunId)> DraftAsync(DateOnly payOn)
    {
        var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        using var response = await client.SubmitAsync("/money/payment-runs/new", FinanceTestData.Date("PayOn", payOn));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (client, Guid.Parse(location.Split('/')[^1], CultureInfo.InvariantCulture));
    }

    private async Task<PaymentRun> RunAsync(Guid councilId, Guid runId)
    {
        var (scope, db) = app.OpenDatabase(councilId);
        using (scope)
        {
            return await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        }
    }

    [Fact]
    public async Task Confirm_DraftChecked_PaysEachDuePaymentOnceWithOneAuditEntry()
    {
        app.SkipIfUnavailable();
        // Started 30 days ago, four-weekly: due 30 days ago and 2 days ago, £1,400 each, plus a £250 one-off.
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 30, weeklyPence: 35_000, oneOffPence: 25_000);
        var (client, runId) = await DraftAsync(app.Today());
        using (client)
        {
            var draft = await client.GetPageAsync($"/money/payment-runs/{runId}");
            var rows = draft.QuerySelectorAll("#lines tbody tr").Where(r => r.TextContent.Contains(account.PersonName, StringComparison.Ordinal)).ToList();
            Assert.Equal(3, rows.Count);
            Assert.Contains($"{account.ArrangementReference} 0001", rows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("One-off payment", draft.QuerySelectorAll("#lines tbody tr").Single(r => r.TextContent.Contains($"{account.ArrangementReference} 0002", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
            Assert.Empty(await app.EntriesAsync(account));

            using var confirm = await client.PostAsync($"/money/payment-runs/{runId}", (AngleSharp.Html.Dom.IHtmlFormElement)draft.QuerySelector("main form[method=post]")!, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
            var page = await client.GetPageAsync($"/money/payment-runs/{runId}");
            Assert.Contains("confirmed", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Fiona Reid", page.QuerySelector("#confirmed-by")!.TextContent, StringComparison.Ordinal);
        }

        var entries = await app.EntriesAsync(account);
        Assert.Equal([140_000L, 25_000L, 140_000L], entries.Select(e => e.AmountPence));
        Assert.All(entries, e => Assert.Equal((LedgerBook.Wallet, LedgerBook.Council, EntrySource.PaymentRun, runId), (e.Debit, e.Credit, e.Source, e.SourceId)));
        var run = await RunAsync(account.CouncilId, runId);
        Assert.Equal(PaymentRunStatus.Confirmed, run.Status);
        var (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            var all = await db.LedgerEntries.Where(e => e.SourceId == runId).ToListAsync();
            Assert.Equal((run.LineCount, run.TotalPence), (all.Count, all.Sum(e => e.AmountPence)));
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "payment-run.confirmed" && a.RecordId == runId.ToString()).ToListAsync());
            Assert.Equal(3, await db.PaymentRunLines.CountAsync(l => l.ArrangementId == account.ArrangementId));
        }
    }

    [Fact]
    public async Task Confirm_SecondTime_SaysAlreadyConfirmedAndPaysNothingMore()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 3);
        var (client, runId) = await DraftAsync(app.Today());
        using (client)
        {
            var draft = await client.GetPageAsync($"/money/payment-runs/{runId}");
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)draft.QuerySelector("main form[method=post]")!;
            using (var first = await client.PostAsync($"/money/payment-runs/{runId}", form, new Dictionary<string, string>()))
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }
            // The same form sent again, as a double click or the back button would.
            using var second = await client.PostAsync($"/money/payment-runs/{runId}", form, new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            var run = await RunAsync(account.CouncilId, runId);
            Assert.Equal([$"Payment run {run.Reference} has already been confirmed. Nothing was paid twice"], await TestClient.ErrorsAsync(second));
        }
        Assert.Single(await app.EntriesAsync(account));
    }

    [Fact]
    public async Task Confirm_TwoAtOnce_PaysEachPaymentOnce()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 60);
        var today = app.Today();
        Guid sameRun;
        Guid otherRun;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectPayments.Data.DpDbContext>();
            db.Actor.System("test", account.CouncilId);
            var runs = scope.ServiceProvider.GetRequiredService<PaymentRuns>();
            sameRun = (await runs.CreateDraftAsync(today, Who.System)).Id;
            otherRun = (await runs.CreateDraftAsync(today, Who.System)).Id;
        }

        // Four confirms at once: two of the same draft and two of another draft covering the same payments.
        async Task<ConfirmOutcome> ConfirmAsync(Guid runId)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectPayments.Data.DpDbContext>();
            db.Actor.System("test", account.CouncilId);
            return await scope.ServiceProvider.GetRequiredService<PaymentRuns>().ConfirmAsync(runId, new Who(null, "Test"));
        }
        var outcomes = await Task.WhenAll(ConfirmAsync(sameRun), ConfirmAsync(sameRun), ConfirmAsync(otherRun), ConfirmAsync(otherRun));

        // Each draft is confirmed at most once, and whichever got there first paid this person; the other found nothing left.
        Assert.True(outcomes[0].Run is null || outcomes[1].Run is null);
        Assert.True(outcomes[2].Run is null || outcomes[3].Run is null);
        Assert.Contains(outcomes, o => o.Run is not null);
        Assert.All(outcomes.Where(o => o.Run is null), o => Assert.Contains(o.Code, RefusedCodes));
        var entries = await app.EntriesAsync(account);
        Assert.Equal([35_000L * 4, 35_000L * 4, 35_000L * 4], entries.Select(e => e.AmountPence));   // due 60, 32 and 4 days ago
        Assert.Single(entries.Select(e => e.SourceId).Distinct());
    }

    [Fact]
    public async Task Draft_SuspendedAndMissingBankDetails_AreListedAndLeftOut()
    {
        app.SkipIfUnavailable();
        var noDetails = await app.NewActiveAccountAsync(startedDaysAgo: 10, bankDetails: false);
        var (client, runId) = await DraftAsync(app.Today().AddDays(30));
        using (client)
        {
            var page = await client.GetPageAsync($"/money/payment-runs/{runId}");
            var held = page.QuerySelector("#held")!.TextContent;
            Assert.Contains("Harry Collins", held, StringComparison.Ordinal);
            Assert.DoesNotContain("Harry Collins", page.QuerySelector("#lines")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Beatrice Lewis", page.DocumentElement.TextContent, StringComparison.Ordinal);   // ended: not paid, not held
            var problem = page.QuerySelectorAll("#problems tbody tr").Single(r => r.TextContent.Contains(noDetails.PersonName, StringComparison.Ordinal));
            Assert.Contains("No bank details", problem.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/accounts/{noDetails.AccountId}/payment-details", problem.QuerySelector("a")!.GetAttribute("href"));
            Assert.DoesNotContain(noDetails.PersonName, page.QuerySelector("#lines")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-8, "The pay-on date must be no more than 7 days ago")]
    [InlineData(36, "The pay-on date must be no more than 35 days from today")]
    public async Task NewRun_PayOnOutOfRange_SaysWhyAndMakesNoRun(int days, string message)
    {
        app.SkipIfUnavailable();
        var council = await app.CouncilAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var (scope, db) = app.OpenDatabase(council);
        int before;
        using (scope)
        {
            before = await db.PaymentRuns.CountAsync();
        }
        using var response = await client.SubmitAsync("/money/payment-runs/new", FinanceTestData.Date("PayOn", app.Today().AddDays(days)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], await TestClient.ErrorsAsync(response));
        (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            Assert.Equal(before, await db.PaymentRuns.CountAsync());
        }
    }

    [Fact]
    public async Task PaymentDetails_InvalidThenValid_ShowsErrorsThenSaves()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(bankDetails: false);
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var path = $"/accounts/{account.AccountId}/payment-details";
        using (var bad = await client.SubmitAsync(path, new Dictionary<string, string> { ["SortCode"] = "12-34-5", ["AccountNumber"] = "1234567x" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var errors = await TestClient.ErrorsAsync(bad);
            Assert.Contains("Enter a valid sort code like 30-99-50: it must be 6 digits long", errors);
            Assert.Contains("Enter a valid account number like 00733445: it must be 8 digits long", errors);
        }
        var (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            Assert.Null((await db.DpAccounts.SingleAsync(a => a.Id == account.AccountId)).SortCode);
        }
        using (var good = await client.SubmitAsync(path, new Dictionary<string, string> { ["SortCode"] = "30-99-50", ["AccountNumber"] = "00733445" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }
        (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            var saved = await db.DpAccounts.SingleAsync(a => a.Id == account.AccountId);
            Assert.Equal(("309950", "00733445"), (saved.SortCode, saved.AccountNumber));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.RecordId == account.AccountId.ToString() && e.RecordType == nameof(DpAccount) && e.Action != "account.viewed"));
        }
    }

    [Fact]
    public async Task Files_ConfirmedRun_CsvParsesBackAndBacsRecordsAreFixedWidth()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 1, weeklyPence: 37_916);
        var (client, runId) = await DraftAsync(app.Today());
        using (client)
        {
            var draft = await client.GetPageAsync($"/money/payment-runs/{runId}");
            using (var confirm = await client.PostAsync($"/money/payment-runs/{runId}", (AngleSharp.Html.Dom.IHtmlFormElement)draft.QuerySelector("main form[method=post]")!, new Dictionary<string, string>()))
            {
                Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
            }
            var run = await RunAsync(account.CouncilId, runId);

            using var csvResponse = await client.GetAsync($"/money/payment-runs/{runId}/csv");
            Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
            var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, "The CSV has no byte order mark");
            using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
            Assert.True(await csv.ReadAsync());
            csv.ReadHeader();
            Assert.Equal(PaymentCsv.Columns, csv.HeaderRecord);
            var rows = new List<(string Reference, decimal Pounds, long Pence, string Person)>();
            while (await csv.ReadAsync())
            {
                rows.Add((csv.GetField("payment_reference")!, decimal.Parse(csv.GetField("amount")!, CultureInfo.InvariantCulture),
                    long.Parse(csv.GetField("amount_pence")!, CultureInfo.InvariantCulture), csv.GetField("payee_name")!));
            }
            Assert.Equal(run.LineCount, rows.Count);
            Assert.Equal(run.TotalPence, rows.Sum(r => r.Pence));
            Assert.All(rows, r => Assert.Equal(r.Pence, (long)(r.Pounds * 100m)));
            Assert.Contains(rows, r => r.Reference == $"{account.ArrangementReference} 0001" && r.Pence == 151_664 && r.Person == account.PersonName);

            using var bacsResponse = await client.GetAsync($"/money/payment-runs/{runId}/bacs");
            Assert.Equal(HttpStatusCode.OK, bacsResponse.StatusCode);
            var records = (await bacsResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.All(records, r => Assert.Equal(100, r.Length));
            Assert.All(records, r => Assert.Equal("99", r[15..17]));
            var ours = Assert.Single(records, r => r[64..82].TrimEnd() == $"{account.ArrangementReference} 0001");
            Assert.Equal(("309950", "31926819", "00000151664"), (ours[0..6], ours[6..14], ours[35..46]));
            long walletPence;
            var (scope, db) = app.OpenDatabase(account.CouncilId);
            using (scope)
            {
                walletPence = await db.PaymentRunLines.Where(l => l.RunId == runId)
                    .Join(db.DpAccounts, l => l.AccountId, a => a.Id, (l, a) => new { l.AmountPence, a.Kind })
                    .Where(x => x.Kind == Domain.Journey.PaymentMethod.VirtualWallet).SumAsync(x => x.AmountPence);
                Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "payment-run.downloaded" && e.RecordId == runId.ToString()));
            }
            Assert.Equal(run.TotalPence - walletPence, records.Sum(r => long.Parse(r[35..46], CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Overview_ActiveArrangement_ShowsTheNextPaymentAndContribution()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 3, weeklyPence: 35_000, contributionPence: 3_500);
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        using var response = await client.GetAsync($"/arrangements/{account.ArrangementId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 4000)]);
        var page = await TestClient.ParseAsync(response);
        // Net: (£350 - £35) x 4 = £1,260 every four weeks; the first was due 3 days ago, the next in 25 days.
        Assert.Equal($"£1,260.00 due {app.Today().AddDays(25).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            page.QuerySelector("#next-payment")!.TextContent.Trim());
        Assert.Contains("£140.00 each payment", page.QuerySelector("#payments + dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsRunsNewestFirstWithTheirStatus()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        await client.SignInAsync(FinanceTestData.FinanceOfficer);
        var page = await client.GetPageAsync("/money/payment-runs");
        var rows = page.QuerySelectorAll("#runs tbody tr").ToList();
        Assert.NotEmpty(rows);   // the demo's runs
        Assert.Contains(rows, r => r.TextContent.Contains("Confirmed", StringComparison.Ordinal));
        var payOn = rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Contains(payOn, p => p.Length > 0);
        Assert.NotNull(page.QuerySelector("a[href='/money/payment-runs/new']"));
    }
}

public sealed class PaymentRunTests_Sqlite(SqliteApp app) : PaymentRunTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentRunTests_Postgres(PostgresApp app) : PaymentRunTests(app), IClassFixture<PostgresApp>;
