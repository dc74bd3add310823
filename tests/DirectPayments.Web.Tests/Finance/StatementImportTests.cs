using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DirectPayments.Web.Tests.Finance.ImportTestData;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>Statement import (issue #4, item 3): the importer, the pages, the API and the command line, on a real database.</summary>
public abstract class StatementImportTests(TestApp app)
{
    private const string Finance = "fiona.reid@demo.example";

    private static string Card(string reference, params string[] lines) =>
        CardHeader + "\n" + string.Join("\n", lines.Select(l => l.Replace("{card}", reference, StringComparison.Ordinal))) + "\n";

    [Fact]
    public async Task Import_GoodFile_PostsEachLineToTheRightBooksWithOneAuditEntry()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var csv = Card(reference,
            "A1,02/03/2026,{card},NORTHAM TAXI CO,NORTHAM TAXIS,-14.50,",
            "A2,03/03/2026,{card},ATM CASH HIGH ST,ATM,-40.00,",
            "A3,04/03/2026,{card},STANDING ORDER CONTRIBUTION,A OKAFOR,\"1,234.50\",",
            "A4,05/03/2026,{card},TAXI REFUND,NORTHAM TAXIS,£3.00,",
            "A5,06/03/2026,{card},SOMEWHERE UNKNOWN,SHOP,(12.00),");
        var outcome = await ImportAsync(app, csv);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.ProblemsForDisplay));
        Assert.Equal((5, 5, 0), (outcome.Lines, outcome.Added, outcome.Duplicates));
        var entries = await EntriesAsync(app, account);
        Assert.Equal(
            [
                (LedgerBook.Spending, LedgerBook.Wallet, 1450L, (CostCategory?)CostCategory.Transport, 2),
                (LedgerBook.Cash, LedgerBook.Wallet, 4000L, null, 3),
                (LedgerBook.Wallet, LedgerBook.Person, 123450L, null, 4),
                (LedgerBook.Wallet, LedgerBook.Spending, 300L, CostCategory.Transport, 5),
                (LedgerBook.Spending, LedgerBook.Wallet, 1200L, null, 6),
            ],
            entries.Select(e => (e.Debit, e.Credit, e.AmountPence, e.Category, e.LineNumber)).ToList());
        Assert.All(entries, e => Assert.Equal((EntrySource.Statement, outcome.Import.Id), (e.Source, e.SourceId)));
        Assert.Equal(-1450 - 4000 + 123450 + 300 - 1200, await WalletAsync(app, account));

        var (scope, db) = app.OpenDatabase(await ExampleshireAsync(app));
        using (scope)
        {
            // The import record's own "created" entry, and one entry describing every ledger entry posted.
            var audits = await db.AuditEntries.Where(a => a.RecordId == outcome.Import.Id.ToString()).ToListAsync();
            var audit = Assert.Single(audits, a => a.Action == "statements.imported");
            Assert.Contains("5 lines, 5 added (£66.50 out, £1,237.50 in)", audit.Details, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "wrong columns", "Date,Details,Amount\n01/03/2026,SHOP,-1.00\n", "line 1: the header has no \"Description\", \"Balance\", \"Transaction ID\", \"Card Reference\" or \"Merchant\" columns" },
        { "bad date", CardHeader + "\nB1,31/02/2026,{card},SHOP,SHOP,-1.00,\n", "line 2: \"31/02/2026\" is not a date in the form dd/MM/yyyy" },
        { "letter O in an amount", CardHeader + "\nB1,01/03/2026,{card},SHOP,SHOP,\"1,234.5O\",\n", "line 2: the amount \"1,234.5O\" is not an amount of money" },
        { "fraction of a penny", CardHeader + "\nB1,01/03/2026,{card},SHOP,SHOP,12.345,\n", "line 2: the amount \"12.345\" is not an amount of money" },
        { "empty amount", CardHeader + "\nB1,01/03/2026,{card},SHOP,SHOP,,\n", "line 2: the amount is missing" },
        { "truncated row", CardHeader + "\nB1,01/03/2026,{card},SHOP,SHOP,-1.00,\nB2,02/03/2026,{card},SH\n", "line 3: the line has 4 values but the header has 7; it may have been cut short" },
        { "empty file", "", "The file is empty." },
        { "unknown card", CardHeader + "\nB1,01/03/2026,NOT-A-CARD,SHOP,SHOP,-1.00,\n", "line 2: no direct payment account has the reference \"NOT-A-CARD\"" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_IsRejectedWithALineNumberedReasonAndTheLedgerIsUnchanged(string why, string csv, string expected)
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var before = await LedgerCountAsync();
        var outcome = await ImportAsync(app, csv.Replace("{card}", reference, StringComparison.Ordinal), fileName: why + ".csv");
        Assert.True(outcome.Rejected, why);
        Assert.Contains(outcome.ProblemsForDisplay, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(before, await LedgerCountAsync());
        Assert.Empty(await EntriesAsync(app, account));
        var (scope, db) = app.OpenDatabase(await ExampleshireAsync(app));
        using (scope)
        {
            var record = await db.StatementImports.SingleAsync(i => i.Id == outcome.Import.Id);
            Assert.Equal(ImportStatus.Rejected, record.Status);
            Assert.Contains(expected, record.Report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_ManyBadLines_ListsTwoHundredAndCountsTheRest()
    {
        app.SkipIfUnavailable();
        var (_, reference) = await NewAccountAsync(app);
        var csv = new StringBuilder(CardHeader + "\n");
        for (var i = 0; i < 250; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"M{i},01/03/2026,{reference},SHOP,SHOP,abc,\n");
        }
        var outcome = await ImportAsync(app, csv.ToString());
        Assert.True(outcome.Rejected);
        Assert.Equal(250, outcome.ProblemCount);
        Assert.Equal(201, outcome.ProblemsForDisplay.Count);
        Assert.Equal("and 50 more problems", outcome.ProblemsForDisplay[^1]);
    }

    [Fact]
    public async Task Import_MixedEncodings_IsRefusedAndWindows1252AndBomAreReadCorrectly()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var line = $"E1,01/03/2026,{reference},CAFÉ £ TREATS,CAFE,-2.00,\n";
        var utf8 = Encoding.UTF8.GetBytes(CardHeader + "\n" + line);
        var cp1252 = CodePagesEncoding.GetBytes(CardHeader + $"\nE2,02/03/2026,{reference},CAFÉ £ TREATS,CAFE,-3.00,\n");
        var mixed = utf8.Concat(CodePagesEncoding.GetBytes($"E3,03/03/2026,{reference},PIÈCE £,SHOP,-4.00,\n")).ToArray();

        var refused = await ImportBytesAsync(app, mixed);
        Assert.True(refused.Rejected);
        Assert.StartsWith("The file mixes two text encodings", refused.ProblemsForDisplay.Single(), StringComparison.Ordinal);

        var windows = await ImportBytesAsync(app, cp1252);
        Assert.True(windows.Accepted, string.Join("; ", windows.ProblemsForDisplay));
        var withBom = await ImportBytesAsync(app, [0xEF, 0xBB, 0xBF, .. utf8]);
        Assert.True(withBom.Accepted, string.Join("; ", withBom.ProblemsForDisplay));
        var descriptions = (await EntriesAsync(app, account)).Select(e => e.Description).ToList();
        Assert.Equal(["CAFÉ £ TREATS", "CAFÉ £ TREATS"], descriptions);
    }

    private static Encoding CodePagesEncoding
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_IsRefusedBeforeItIsAllRead()
    {
        app.SkipIfUnavailable();
        var council = await ExampleshireAsync(app);
        var before = await LedgerCountAsync();
        var (scope, _) = app.OpenDatabase(council);
        using (scope)
        {
            var importer = scope.ServiceProvider.GetRequiredService<StatementImporter>();
            var huge = new LazyStream(200L * 1024 * 1024);
            var outcome = await importer.ImportAsync(new ImportRequest(huge, "huge.csv", "card-provider", null, ImportChannel.Cli, new Who(null, "Test")), CancellationToken.None);
            Assert.True(outcome.Rejected);
            Assert.Equal("The file is larger than 100 MB. Split it into smaller files, for example one per month, and import each one.", outcome.ProblemsForDisplay.Single());
            Assert.True(huge.BytesRead < 101L * 1024 * 1024, $"Read {huge.BytesRead} bytes");
        }
        Assert.Equal(before, await LedgerCountAsync());
    }

    [Fact]
    public async Task Reimport_SameFile_AddsNothingAndSaysWhenItWasFirstImported()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var csv = Card(reference, "R1,02/03/2026,{card},NORTHAM TAXI CO,TAXI,-14.50,");
        var first = await ImportAsync(app, csv);
        var again = await ImportAsync(app, csv, fileName: "renamed.csv");
        Assert.True(again.AlreadyImported);
        Assert.Equal(first.Import.Id, again.Import.Id);
        Assert.Single(await EntriesAsync(app, account));
    }

    [Fact]
    public async Task Overlap_WithoutTransactionIds_AddsOnlyNewLinesAndKeepsGenuineIdenticalPurchases()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        const string Header = "Date,Description,Amount\n";
        var first = Header + "01/03/2026,BUS FARE,-2.50\n01/03/2026,BUS FARE,-2.50\n02/03/2026,SHOP,-10.00\n";
        // The second statement covers 1 and 2 March again (whole days) and adds a third identical fare on the 1st and a new day.
        var second = Header + "01/03/2026,BUS FARE,-2.50\n01/03/2026,BUS FARE,-2.50\n01/03/2026,BUS FARE,-2.50\n02/03/2026,SHOP,-10.00\n03/03/2026,SHOP,-5.00\n";
        var a = await ImportAsync(app, first, "minimal", account);
        Assert.Equal((3, 0), (a.Added, a.Duplicates));
        var b = await ImportAsync(app, second, "minimal", account);
        Assert.Equal((2, 3), (b.Added, b.Duplicates));
        var entries = await EntriesAsync(app, account);
        Assert.Equal(3, entries.Count(e => e.Description == "BUS FARE"));
        Assert.Equal(-(250 * 3 + 1000 + 500), await WalletAsync(app, account));
        _ = reference;
    }

    [Fact]
    public async Task Reconciliation_ReportsTheLinesWhereTheStatementBalanceDisagrees()
    {
        app.SkipIfUnavailable();
        var (account, _) = await NewAccountAsync(app);
        const string Csv = "Date,Description,Money Out,Money In,Balance\n" +
            "01/03/2026,CONTRIBUTION,,100.00,100.00\n" +
            "02/03/2026,SHOP,20.00,,80.00\n" +
            "03/03/2026,SHOP,5.00,,70.00\n" +
            "04/03/2026,SHOP,5.00,,65.00\n";
        var outcome = await ImportAsync(app, Csv, "bank", account);
        Assert.True(outcome.Accepted);
        Assert.Equal(
            ["line 4: the statement shows £70.00 but the ledger's wallet balance is £75.00 (-£5.00 different)", "line 5: the statement shows £65.00 but the ledger's wallet balance is £70.00 (-£5.00 different)"],
            outcome.Reconciliation.Select(d => d.ToString()).ToList());
        Assert.Equal(2, outcome.Import.BalanceDisagreements);
    }

    [Fact]
    public async Task CouncilPayment_QuotedOnTheStatement_IsMatchedNotPostedAgain()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var council = await ExampleshireAsync(app);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var acc = await db.DpAccounts.AsNoTracking().SingleAsync(a => a.Id == account);
            var schedule = await db.PaymentSchedules.AsNoTracking().FirstAsync(s => s.ArrangementId == acc.ArrangementId);
            var run = new PaymentRun { Id = Guid.NewGuid(), Reference = "PR-" + Guid.NewGuid().ToString("N")[..8], PayOn = new DateOnly(2026, 3, 1), Status = PaymentRunStatus.Confirmed, CreatedByName = "Test" };
            db.PaymentRuns.Add(run);
            db.PaymentRunLines.Add(new PaymentRunLine
            {
                Id = Guid.NewGuid(), RunId = run.Id, LineNumber = 1, ArrangementId = acc.ArrangementId, AccountId = account, ScheduleId = schedule.Id,
                DueOn = new DateOnly(2099, 3, 1), PeriodEndsOn = new DateOnly(2099, 3, 28), AmountPence = 50000, PaymentReference = reference[..8] + " 0001",
            });
            await db.SaveChangesAsync();
        }
        var csv = $"Date,Description,Amount\n01/03/2026,EXAMPLESHIRE CC {reference[..8]} 0001,500.00\n02/03/2026,PERSON PAID IN,20.00\n";
        var outcome = await ImportAsync(app, csv, "minimal", account);
        Assert.Equal((1, 1), (outcome.MatchedPayments, outcome.Added));
        Assert.Equal(LedgerBook.Person, Assert.Single(await EntriesAsync(app, account)).Credit);
    }

    [Fact]
    public async Task Reversal_OfAnImport_WritesCorrectionsAndLetsTheSameFileBeImportedAgain()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var csv = Card(reference, "V1,02/03/2026,{card},NORTHAM TAXI CO,TAXI,-14.50,", "V2,03/03/2026,{card},SHOP,SHOP,-5.00,");
        var first = await ImportAsync(app, csv);
        var council = await ExampleshireAsync(app);
        var (scope, _) = app.OpenDatabase(council);
        using (scope)
        {
            var reversals = scope.ServiceProvider.GetRequiredService<LedgerReversals>();
            Assert.Equal("Enter why the import is being reversed", (await reversals.ReverseImportAsync(first.Import.Id, " ", Who.System, CancellationToken.None)).Problem);
            var done = await reversals.ReverseImportAsync(first.Import.Id, "Wrong card file", Who.System, CancellationToken.None);
            Assert.Equal((2, 1950L, (string?)null), (done.Reversed, done.TotalPence, done.Problem));
        }
        var entries = await EntriesAsync(app, account);
        Assert.Equal(4, entries.Count);
        Assert.Equal(0, await WalletAsync(app, account));
        Assert.Equal(entries.Take(2).Select(e => (long?)e.Id), entries.Skip(2).Select(e => e.ReversesEntryId));

        var again = await ImportAsync(app, csv);
        Assert.True(again.Accepted);
        Assert.Equal(2, again.Added);
        Assert.Equal(-1950, await WalletAsync(app, account));
    }

    [Fact]
    public async Task Pages_FinanceOfficerUploadsAFileSeesTheResultAndReversesALine()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        var page = await client.GetPageAsync("/money/imports");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("card-provider"), "ColumnMap" },
            { new StringContent(""), "AccountReference" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Card(reference, "P1,02/03/2026,{card},NORTHAM TAXI CO,TAXI,-14.50,", "P2,03/03/2026,{card},SHOP,SHOP,-5.00,")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Statement", "page-upload.csv");
        using var posted = await client.Http.PostAsync(new Uri("/money/imports", UriKind.Relative), form);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(posted)));
        var resultPath = posted.Headers.Location!.OriginalString;
        var result = await client.GetPageAsync(resultPath);
        Assert.Equal("Accepted", result.QuerySelector("#import-status")!.TextContent.Trim());
        Assert.Equal("2", result.QuerySelector("#added-count")!.TextContent.Trim());

        using var missingReason = await client.SubmitAsync(resultPath, new Dictionary<string, string> { ["LineNumber"] = "2" }, "ReverseEntry");
        Assert.Equal(["Enter why the entry is being reversed"], await TestClient.ErrorsAsync(missingReason));
        using var reversed = await client.SubmitAsync(resultPath, new Dictionary<string, string> { ["LineNumber"] = "2", ["EntryReason"] = "Charged to the wrong card" }, "ReverseEntry");
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Equal(-500, await WalletAsync(app, account));

        var list = await client.GetPageAsync("/money/imports");
        Assert.Contains("page-upload.csv", list.QuerySelector("#imports")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_RejectedUpload_ShowsEachBadLine()
    {
        app.SkipIfUnavailable();
        var (_, reference) = await NewAccountAsync(app);
        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        var page = await client.GetPageAsync("/money/imports");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("card-provider"), "ColumnMap" },
        };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Card(reference, "Q1,32/03/2026,{card},SHOP,SHOP,-1.00,", "Q2,03/03/2026,{card},SHOP,SHOP,\"1,234.5O\","))), "Statement", "bad.csv");
        using var posted = await client.Http.PostAsync(new Uri("/money/imports", UriKind.Relative), form);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(posted)));
        var result = await client.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal("Rejected", result.QuerySelector("#import-status")!.TextContent.Trim());
        var problems = result.QuerySelectorAll("#problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("line 2: \"32/03/2026\" is not a date", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: the amount \"1,234.5O\"", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnMaps_AddingABadMapShowsErrors_AGoodOneImportsAFile()
    {
        app.SkipIfUnavailable();
        var (account, _) = await NewAccountAsync(app);
        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        using var bad = await client.SubmitAsync("/money/column-maps", new Dictionary<string, string> { ["Map.Name"] = "bank", ["Map.DateFormat"] = "banana" });
        Assert.Equal(
            ["'bank' is the name of a built-in layout; choose another name", "Enter a date format with a day (dd), month (MM or MMM) and year (yyyy), such as dd/MM/yyyy",
             "Enter the heading of the amount column, or of both the money out and money in columns", "Enter the heading of the date column", "Enter the heading of the description column"],
            (await TestClient.ErrorsAsync(bad)).Order(StringComparer.Ordinal).ToList());
        var name = "Tab map " + Guid.NewGuid().ToString("N")[..6];
        using var good = await client.SubmitAsync("/money/column-maps", new Dictionary<string, string>
        {
            ["Map.Name"] = name, ["Map.Delimiter"] = "tab", ["Map.DateFormat"] = "yyyy-MM-dd", ["Map.DateColumn"] = "When",
            ["Map.DescriptionColumn"] = "What", ["Map.AmountColumn"] = "Value",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var outcome = await ImportAsync(app, "When\tWhat\tValue\n2026-03-01\tSHOP\t-1.25\n", name, account);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.ProblemsForDisplay));
        Assert.Equal(-125, await WalletAsync(app, account));
    }

    [Fact]
    public async Task Api_CsvFile_IsCreatedThenAlreadyImportedAndABadOneIs422WithLineErrors()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        using var client = await ApiClientAsync();
        var csv = Card(reference, "W1,02/03/2026,{card},NORTHAM TAXI CO,TAXI,-14.50,");
        using var created = await client.PostAsync(new Uri("/api/v1/statements?map=card-provider", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await client.PostAsync(new Uri("/api/v1/statements?map=card-provider", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("AlreadyImported", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        using var bad = await client.PostAsync(new Uri($"/api/v1/statements?map=minimal&account={reference}", UriKind.Relative),
            new StringContent("Date,Description,Amount\n01/03/2026,SHOP,12.345\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("line 2: the amount \"12.345\"", problem.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(await EntriesAsync(app, account));
    }

    [Fact]
    public async Task Api_OpenBankingPush_PostsBookedGbpLinesIgnoresPendingAndDedupsByTransactionId()
    {
        app.SkipIfUnavailable();
        var (account, _) = await NewAccountAsync(app);
        using var client = await ApiClientAsync();
        static object Tx(string id, string amount, string indicator, string status, string info, string? merchant = null) => new
        {
            AccountId = "22289", TransactionId = id, TransactionReference = "Ref " + id,
            Amount = new { Amount = amount, Currency = "GBP" }, CreditDebitIndicator = indicator, Status = status,
            BookingDateTime = "2026-03-02T10:15:00+00:00", TransactionInformation = info,
            MerchantDetails = merchant is null ? null : new { MerchantName = merchant },
            Balance = new { Amount = new { Amount = "100.00", Currency = "GBP" }, CreditDebitIndicator = "Credit", Type = "InterimBooked" },
        };
        var body = new { Data = new { Transaction = new[]
        {
            Tx("OB-1", "12.50", "Debit", "Booked", "Card purchase", "NORTHAM TAXIS"),
            Tx("OB-2", "30.00", "Credit", "Booked", "Contribution"),
            Tx("OB-3", "9.99", "Debit", "Pending", "Not yet"),
        } }, Links = new { Self = "/accounts/22289/transactions" }, Meta = new { TotalPages = 1 } };
        using var first = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/transactions", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var dto = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2, 1), (dto.GetProperty("added").GetInt32(), dto.GetProperty("ignoredPending").GetInt32()));
        var entries = await EntriesAsync(app, account);
        Assert.Equal([(LedgerBook.Spending, 1250L, (CostCategory?)CostCategory.Transport), (LedgerBook.Wallet, 3000L, null)],
            entries.Select(e => (e.Debit, e.AmountPence, e.Category)).ToList());
        Assert.All(entries, e => Assert.Equal(EntrySource.ApiPush, e.Source));

        // The same transaction sent again in a different push is recognised by its TransactionId.
        var later = new { Data = new { Transaction = new[] { Tx("OB-1", "12.50", "Debit", "Booked", "Card purchase (resent)"), Tx("OB-3", "9.99", "Debit", "Booked", "Now booked") } } };
        using var second = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/transactions", later);
        var dto2 = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((1, 1), (dto2.GetProperty("added").GetInt32(), dto2.GetProperty("duplicates").GetInt32()));

        using var usd = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/transactions",
            new { transactions = new[] { new { transactionId = "S1", date = "2026-03-04", amount = "-1.00" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, usd.StatusCode);
        Assert.Contains("transaction 1: description is missing", await usd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ImportsAFileAndExitsTwoWithTheLinesOnStandardErrorWhenRejected()
    {
        app.SkipIfUnavailable();
        var (account, reference) = await NewAccountAsync(app);
        var folder = Directory.CreateTempSubdirectory("dp-import-cli");
        var good = Path.Combine(folder.FullName, "good.csv");
        var bad = Path.Combine(folder.FullName, "bad.csv");
        await File.WriteAllTextAsync(good, "Date,Description,Amount\n01/03/2026,NORTHAM TAXI CO,-14.50\n");
        await File.WriteAllTextAsync(bad, "Date,Description,Amount\n01/03/2026,SHOP,ten pounds\n");
        var connection = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Database:ConnectionString"]!;
        string[] Args(string file) => ["import", file, "--map", "minimal", "--account", reference, "--council", "exampleshire", "--database-provider", app.Provider, "--connection-string", connection];
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await DirectPayments.Cli.Program.Run(Args(good), output, error));
        Assert.Contains("Accepted good.csv: 1 lines read: 1 added", output.ToString(), StringComparison.Ordinal);
        using var output2 = new StringWriter();
        using var error2 = new StringWriter();
        Assert.Equal(2, await DirectPayments.Cli.Program.Run(Args(bad), output2, error2));
        Assert.Contains("line 2: the amount \"ten pounds\" is not an amount of money", error2.ToString(), StringComparison.Ordinal);
        Assert.Equal(-1450, await WalletAsync(app, account));
        folder.Delete(true);
    }

    [Fact]
    public async Task Demo_AmarasStatementIsImportedWithTwoIdenticalBusFaresAndUncategorisedLine()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.OpenDatabase(await ExampleshireAsync(app));
        using (scope)
        {
            var import = await db.StatementImports.SingleAsync(i => i.FileName == MoneyStatementsDemo.FileName);
            Assert.Equal(ImportStatus.Accepted, import.Status);
            var entries = await db.LedgerEntries.Where(e => e.SourceId == import.Id).ToListAsync();
            Assert.Equal(2, entries.Count(e => e.Description == "STAGECOACH BUS FARE"));
            Assert.Contains(entries, e => e.Debit == LedgerBook.Cash);
            Assert.Contains(entries, e => e.Debit == LedgerBook.Spending && e.Category is null);
            Assert.Contains(entries, e => e.Category == CostCategory.PersonalAssistant);
        }
    }

    private async Task<int> LedgerCountAsync()
    {
        var (scope, db) = app.OpenDatabase(await ExampleshireAsync(app));
        using (scope)
        {
            return await db.LedgerEntries.CountAsync();
        }
    }

    private async Task<HttpClient> ApiClientAsync()
    {
        var (scope, db) = app.OpenDatabase(await ExampleshireAsync(app));
        using (scope)
        {
            var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Card provider", Prefix = prefix, SecretHash = hash, Scopes = ApiScopes.StatementsPush });
            await db.SaveChangesAsync();
            var client = new HttpClient { BaseAddress = app.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }
    }
}

public sealed class StatementImportTests_Sqlite(SqliteApp app) : StatementImportTests(app), IClassFixture<SqliteApp>;

public sealed class StatementImportTests_Postgres(PostgresApp app) : StatementImportTests(app), IClassFixture<PostgresApp>;
