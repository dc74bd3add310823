using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>The person's virtual wallet, receipts, explanations, the staff's reasoned line view and the export (issue #4, items 4, 8, 9, 10).</summary>
public abstract class WalletTests(TestApp app)
{
    private const string Amara = "amara.okafor@demo.example";
    private const string Grace = "grace.bennett@demo.example";
    private const string Finance = "fiona.reid@demo.example";
    private const string Practitioner = "priya.shah@demo.example";
    private const string SupportWorker = "sam.carter@demo.example";

    [Fact]
    public async Task Wallet_ShowsTheBalanceAndWeeksOfCover_FromTheLedger()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var before = app.CreateClient();
        await before.SignInAsync(Amara);
        var spentBefore = SpentRecent(await before.GetPageAsync("/my-direct-payment/wallet"), "Personal assistant");
        await PostAsync(ids.AmaraAccount, LedgerBook.Council, LedgerBook.Wallet, 120_000, null, "Payment from the council");
        await PostAsync(ids.AmaraAccount, LedgerBook.Wallet, LedgerBook.Spending, 15_000, CostCategory.PersonalAssistant, "PAYROLL SERVICES LTD");
        var (balance, weekly) = await BalanceAndWeeklyAsync(ids.AmaraAccount);

        using var client = app.CreateClient();
        await client.SignInAsync(Amara);
        var page = await client.GetPageAsync("/my-direct-payment/wallet");
        Assert.Equal(balance.ToString(), page.QuerySelector("#balance")!.TextContent.Trim());
        var weeks = Math.Round(balance.Pence / (decimal)weekly.Pence, 1, MidpointRounding.AwayFromZero);
        Assert.Contains($"about {weeks.ToString("0.#", CultureInfo.GetCultureInfo("en-GB"))} weeks", page.QuerySelector("#weeks-of-cover")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(weekly.ToString(), page.QuerySelector("#weeks-of-cover")!.TextContent, StringComparison.Ordinal);

        // The chart is an image with a title and description, and the same figures are in a table.
        var chart = page.QuerySelector("svg#chart-recent")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(chart.QuerySelector("title"));
        Assert.Contains("Personal assistant", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        // The table's "spent" figure for the last 4 weeks went up by exactly the £150.00 just spent.
        Assert.Equal(spentBefore + new Money(15_000), SpentRecent(page, "Personal assistant"));
        Assert.NotEmpty(page.QuerySelectorAll("#upcoming-payments li"));
    }

    [Fact]
    public async Task Receipt_GoodPngAndPdf_AreEachRecordedWithOneLedgerEntry()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        foreach (var (bytes, name, type, what) in new[] { (MoneyWalletDemo.ReceiptPng(), "till.png", "image/png", "Paint for the art club"), (pdf, "invoice.pdf", "application/pdf", "Taxi invoice") })
        {
            var before = await CountsAsync(ids.LeoAccount);
            using var response = await PostReceiptAsync(client, what, "7.45", bytes, name);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(response)));
            var (scope, db) = app.OpenDatabase(ids.Council);
            using (scope)
            {
                var receipt = await db.Receipts.AsNoTracking().SingleAsync(r => r.AccountId == ids.LeoAccount && r.Description == what);
                Assert.Equal((type, 745L, false), (receipt.ContentType, receipt.AmountPence, receipt.PaidInCash));
                Assert.Equal(bytes, receipt.Content);
                var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceId == receipt.Id);
                // Leo's account is a virtual wallet: the spend comes straight out of it.
                Assert.Equal((LedgerBook.Spending, LedgerBook.Wallet, 745L, EntrySource.Receipt, (CostCategory?)CostCategory.Activities),
                    (entry.Debit, entry.Credit, entry.AmountPence, entry.Source, entry.Category));
                Assert.Equal((before.Receipts + 1, before.Entries + 1), await CountsAsync(ids.LeoAccount));

                using var file = await client.GetAsync($"/my-direct-payment/wallet/receipts/{receipt.Id}?handler=file");
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal(type, file.Content.Headers.ContentType!.MediaType);
                Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task Receipt_AProgramRenamedPng_IsRefusedAndNothingIsWritten()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var before = await CountsAsync(ids.LeoAccount);
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        using var response = await PostReceiptAsync(client, "Not really a receipt", "3.00", exe, "receipt.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The receipt must be a photo (JPEG or PNG) or a PDF"], await TestClient.ErrorsAsync(response));
        Assert.Equal(before, await CountsAsync(ids.LeoAccount));
    }

    [Fact]
    public async Task Receipt_OverFiveMegabytes_IsRefusedAndNothingIsWritten()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var before = await CountsAsync(ids.LeoAccount);
        var big = new byte[6 * 1024 * 1024];
        MoneyWalletDemo.ReceiptPng().AsSpan(0, 8).CopyTo(big);
        using var response = await PostReceiptAsync(client, "Big photo", "3.00", big, "photo.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The receipt must be 5 MB or smaller. Try a smaller photo, or take the photo again at a lower size"], await TestClient.ErrorsAsync(response));
        Assert.Equal(before, await CountsAsync(ids.LeoAccount));
    }

    [Fact]
    public async Task Receipt_BadFields_ShowErrorsAtEachField()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var before = await CountsAsync(ids.LeoAccount);
        using var response = await client.SubmitAsync("/my-direct-payment/wallet/receipts/new", new Dictionary<string, string>
        {
            ["SpentOn.Day"] = "1", ["SpentOn.Month"] = "1", ["SpentOn.Year"] = "2999", ["Amount"] = "1,234.5O", ["Description"] = "",
        });
        Assert.Equal(
            ["The date you paid must be today or in the past", "Enter how much you paid in pounds and pence, like 12.50", "Choose what kind of support it was for", "Enter what you paid for"],
            await TestClient.ErrorsAsync(response));
        Assert.Equal(before, await CountsAsync(ids.LeoAccount));
    }

    [Fact]
    public async Task Explain_SavesANote_LearnsARuleForThePayee_AndRaisesNoFlag()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        var entryId = await EntryForPayeeAsync(ids.LeoAccount, MoneyWalletDemo.UnexplainedPayee);
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var wallet = await client.GetPageAsync("/my-direct-payment/wallet");
        Assert.NotNull(wallet.QuerySelector($"a[href='/my-direct-payment/wallet/transactions/{entryId}/explain']"));

        using var response = await client.SubmitAsync($"/my-direct-payment/wallet/transactions/{entryId}/explain",
            new Dictionary<string, string> { ["Explanation"] = "Craft things for Leo's Saturday club", ["Category"] = "Activities" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(response)));
        var after = await client.GetPageAsync("/my-direct-payment/wallet");
        Assert.Contains($"We will sort future payments to {MoneyWalletDemo.UnexplainedPayee} as Activities", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"a[href='/my-direct-payment/wallet/transactions/{entryId}/explain']"));

        var (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            var note = await db.EntryNotes.AsNoTracking().SingleAsync(n => n.EntryId == entryId);
            Assert.Equal(("Craft things for Leo's Saturday club", (CostCategory?)CostCategory.Activities), (note.Explanation, note.Category));
            var rule = await db.CategoryRules.AsNoTracking().SingleAsync(r => r.Contains == MoneyWalletDemo.UnexplainedPayee);
            Assert.Equal((CostCategory.Activities, true), (rule.Category, rule.Learned));
            Assert.Equal(0, await db.MoneyFlags.CountAsync(f => f.AccountId == ids.LeoAccount));
            // The entry itself never changes.
            Assert.Null((await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == entryId)).Category);
        }
    }

    [Fact]
    public async Task Explain_WithoutWords_IsRefusedAndSavesNothing()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        var entryId = await EntryForPayeeAsync(ids.LeoAccount, MoneyWalletDemo.ExplainedPayee);
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        var notes = await NotesAsync(ids.LeoAccount);
        using var response = await client.SubmitAsync($"/my-direct-payment/wallet/transactions/{entryId}/explain", new Dictionary<string, string> { ["Explanation"] = "  " });
        Assert.Equal(["Enter a few words about what the payment was for"], await TestClient.ErrorsAsync(response));
        Assert.Equal(notes, await NotesAsync(ids.LeoAccount));
    }

    [Fact]
    public async Task StaffLines_WithoutAReason_AreNotShownOrAudited_WithOne_AreAuditedAndThePersonSeesWhoLooked()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var staff = app.CreateClient();
        await staff.SignInAsync(Finance);
        Guid arrangement;
        var (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            arrangement = await db.DpAccounts.Where(a => a.Id == ids.LeoAccount).Select(a => a.ArrangementId).SingleAsync();
        }
        var overview = await staff.GetPageAsync($"/arrangements/{arrangement}");
        Assert.Equal($"/accounts/{ids.LeoAccount}", overview.QuerySelector("#money-account")!.GetAttribute("href"));
        var summary = await staff.GetPageAsync($"/accounts/{ids.LeoAccount}");
        Assert.Null(summary.QuerySelector("#lines"));
        Assert.DoesNotContain(MoneyWalletDemo.ExplainedPayee, summary.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("#categories"));
        var form = await staff.GetPageAsync($"/accounts/{ids.LeoAccount}/transactions");
        Assert.Null(form.QuerySelector("#lines"));

        var audits = await LineViewsAsync(ids.Council, ids.LeoAccount);
        using var refused = await staff.SubmitAsync($"/accounts/{ids.LeoAccount}/transactions", new Dictionary<string, string> { ["Detail"] = "" });
        Assert.Equal(["Choose why you need to see the individual lines", "Enter a few words about the reason, such as the audit or conversation it is for"],
            await TestClient.ErrorsAsync(refused));
        var refusedPage = await TestClient.ParseAsync(refused);
        Assert.Null(refusedPage.QuerySelector("#lines"));
        Assert.Equal(audits.Count, (await LineViewsAsync(ids.Council, ids.LeoAccount)).Count);

        using var opened = await staff.SubmitAsync($"/accounts/{ids.LeoAccount}/transactions",
            new Dictionary<string, string> { ["Purpose"] = "Audit", ["Detail"] = "Monthly audit sample" });
        var lines = await TestClient.ParseAsync(opened);
        Assert.Contains(MoneyWalletDemo.ExplainedPayee, lines.QuerySelector("#lines")!.TextContent, StringComparison.Ordinal);
        var after = await LineViewsAsync(ids.Council, ids.LeoAccount);
        Assert.Equal(audits.Count + 1, after.Count);
        Assert.Equal("For an audit: Monthly audit sample", after[^1]);

        // The access lasted for that view only: coming back asks again.
        var again = await staff.GetPageAsync($"/accounts/{ids.LeoAccount}/transactions");
        Assert.Null(again.QuerySelector("#lines"));

        using var person = app.CreateClient();
        await person.SignInAsync(Grace);
        var looked = await person.GetPageAsync($"/people/{ids.Leo}/who-has-looked");
        Assert.Contains("Reason given: For an audit: Monthly audit sample", looked.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCategoryChoice_SavesANoteAndLearnsARule_ThenClosesTheView()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        var entryId = await PostAsync(ids.AmaraAccount, LedgerBook.Wallet, LedgerBook.Spending, 3_000, null, "SHIRE RIDES 0123", "SHIRE RIDES");
        using var staff = app.CreateClient();
        await staff.SignInAsync(Finance);
        using var opened = await staff.SubmitAsync($"/accounts/{ids.AmaraAccount}/transactions",
            new Dictionary<string, string> { ["Purpose"] = "Conversation", ["Detail"] = "Talking about transport costs" });
        var page = await TestClient.ParseAsync(opened);
        var form = page.QuerySelectorAll<IHtmlFormElement>("#lines form").Single(f => f.QuerySelector<IHtmlInputElement>("input[name=EntryId]")!.Value == entryId.ToString(CultureInfo.InvariantCulture));
        using var saved = await staff.PostAsync(form.GetAttribute("action")!, form, new Dictionary<string, string> { ["Category"] = "Transport" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var closed = await staff.GetPageAsync($"/accounts/{ids.AmaraAccount}/transactions");
        Assert.Null(closed.QuerySelector("#lines"));
        Assert.Contains("We will sort future payments to SHIRE RIDES as Transport", closed.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            Assert.Equal(CostCategory.Transport, (await db.EntryNotes.AsNoTracking().SingleAsync(n => n.EntryId == entryId)).Category);
            Assert.True((await db.CategoryRules.AsNoTracking().SingleAsync(r => r.Contains == "SHIRE RIDES")).Learned);
        }
    }

    [Fact]
    public async Task Export_HoldsEveryEntry_AndItsEntriesSumToTheBalance()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        var (balance, _) = await BalanceAndWeeklyAsync(ids.LeoAccount);
        int count;
        var (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            count = await db.LedgerEntries.CountAsync(e => e.AccountId == ids.LeoAccount);
        }
        Assert.True(count > 0);
        using var client = app.CreateClient();
        await client.SignInAsync(Grace);
        using var json = await client.GetAsync("/my-direct-payment/wallet/export?format=json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(count, entries.Count);
        var sum = entries.Sum(e => (e.GetProperty("debit").GetString() == "Wallet" ? 1 : 0) * e.GetProperty("amountPence").GetInt64()
            - (e.GetProperty("credit").GetString() == "Wallet" ? 1 : 0) * e.GetProperty("amountPence").GetInt64());
        Assert.Equal(balance.Pence, sum);
        Assert.Equal(balance.Pence, doc.RootElement.GetProperty("account").GetProperty("walletBalancePence").GetInt64());
        Assert.NotEmpty(doc.RootElement.GetProperty("receipts").EnumerateArray());
        Assert.NotEmpty(doc.RootElement.GetProperty("notes").EnumerateArray());

        using var csv = await client.GetAsync("/my-direct-payment/wallet/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("record,id,date,amount_pence", lines[0], StringComparison.Ordinal);
        Assert.Equal(count, lines.Count(l => l.StartsWith("entry,", StringComparison.Ordinal)));

        (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "money.exported" && a.PersonId == ids.Leo && a.Details!.Contains("Wallet export")));
        }
    }

    [Fact]
    public async Task Api_AccountSummaryAndExport_NeedMoneyRead_AndStayInTheCouncil()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        using var reader = await ApiClientAsync(ids.Council, ApiScopes.MoneyRead);
        using var summary = await reader.GetAsync(new Uri($"/api/v1/accounts/{ids.LeoAccount}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        using var body = JsonDocument.Parse(await summary.Content.ReadAsStringAsync());
        var (balance, _) = await BalanceAndWeeklyAsync(ids.LeoAccount);
        Assert.Equal(balance.Pence, body.RootElement.GetProperty("balancePence").GetInt64());
        Assert.False(body.RootElement.TryGetProperty("entries", out _));

        using var export = await reader.GetAsync(new Uri($"/api/v1/accounts/{ids.LeoAccount}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var bad = await reader.GetAsync(new Uri($"/api/v1/accounts/{ids.LeoAccount}/export?format=xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var other = await CouncilAsync(DemoSeeder.SecondCouncilSlug);
        using var outsider = await ApiClientAsync(other, ApiScopes.MoneyRead);
        using var hidden = await outsider.GetAsync(new Uri($"/api/v1/accounts/{ids.LeoAccount}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var wrongScope = await ApiClientAsync(ids.Council, ApiScopes.JourneyRead);
        using var forbidden = await wrongScope.GetAsync(new Uri($"/api/v1/accounts/{ids.LeoAccount}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task APerson_CannotSeeSomeoneElsesWallet_ReceiptsOrLines()
    {
        app.SkipIfUnavailable();
        var ids = await IdsAsync();
        var entryId = await EntryForPayeeAsync(ids.LeoAccount, MoneyWalletDemo.ExplainedPayee);
        Guid receipt;
        var (scope, db) = app.OpenDatabase(ids.Council);
        using (scope)
        {
            receipt = await db.Receipts.Where(r => r.AccountId == ids.LeoAccount).Select(r => r.Id).FirstAsync();
        }
        using var client = app.CreateClient();
        await client.SignInAsync(Amara);
        foreach (var path in new[]
        {
            $"/my-direct-payment/wallet?account={ids.LeoAccount}", $"/my-direct-payment/wallet/receipts/{receipt}",
            $"/my-direct-payment/wallet/receipts/{receipt}?handler=file", $"/my-direct-payment/wallet/transactions/{entryId}/explain",
            $"/my-direct-payment/wallet/export?account={ids.LeoAccount}&format=json", $"/accounts/{ids.LeoAccount}", $"/accounts/{ids.LeoAccount}/export?format=csv",
        })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }
        var own = await client.GetPageAsync("/my-direct-payment/wallet");
        Assert.Equal("Your wallet", own.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Amara Okafor", own.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoryRules_AreCheckedAndOnlySupportAndFinanceEditThem()
    {
        app.SkipIfUnavailable();
        using var finance = app.CreateClient();
        await finance.SignInAsync(Finance);
        using var empty = await finance.SubmitAsync("/money/category-rules/new", new Dictionary<string, string> { ["Contains"] = " ", ["Category"] = "Transport" });
        Assert.Equal(["Enter the text the payee or description contains"], await TestClient.ErrorsAsync(empty));
        using var added = await finance.SubmitAsync("/money/category-rules/new", new Dictionary<string, string> { ["Contains"] = "  Southby   Buses ", ["Category"] = "Transport" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using var duplicate = await finance.SubmitAsync("/money/category-rules/new", new Dictionary<string, string> { ["Contains"] = "SOUTHBY BUSES", ["Category"] = "Activities" });
        Assert.Equal(["There is already a rule for \"SOUTHBY BUSES\". Change that rule instead"], await TestClient.ErrorsAsync(duplicate));
        var list = await finance.GetPageAsync("/money/category-rules");
        Assert.Contains("Southby Buses", list.QuerySelector("#rules")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("never blocks or bans a purchase", list.Body!.TextContent, StringComparison.Ordinal);

        using var practitioner = app.CreateClient();
        await practitioner.SignInAsync(Practitioner);
        var read = await practitioner.GetPageAsync("/money/category-rules");
        Assert.Null(read.QuerySelector("a[href='/money/category-rules/new']"));
        using var refused = await practitioner.GetAsync("/money/category-rules/new");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var support = app.CreateClient();
        await support.SignInAsync(SupportWorker);
        var rules = await support.GetPageAsync("/money/category-rules");
        var change = rules.QuerySelectorAll<IHtmlAnchorElement>("#rules a").Single(a => a.TextContent.Contains("Southby Buses", StringComparison.Ordinal));
        using var deleted = await support.SubmitAsync(change.GetAttribute("href")!, new Dictionary<string, string>(), "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (scope, db) = app.OpenDatabase((await IdsAsync()).Council);
        using (scope)
        {
            Assert.False(await db.CategoryRules.AnyAsync(r => r.Contains == "Southby Buses"));
        }
    }

    [Fact]
    public async Task SpendingPolicy_IsPermissiveByDefault_AndTheFinanceTeamCanChangeIt()
    {
        app.SkipIfUnavailable();
        using var person = app.CreateClient();
        await person.SignInAsync(Grace);
        var page = await person.GetPageAsync("/money/spending-policy");
        var text = page.QuerySelector("#policy-text")!.TextContent;
        Assert.Contains("There is no list of banned shops", text, StringComparison.Ordinal);
        Assert.Contains("pay for running it", text, StringComparison.Ordinal);
        using var notAllowed = await person.GetAsync("/money/spending-policy/edit");
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);

        using var finance = app.CreateClient();
        await finance.SignInAsync(Finance);
        using var saved = await finance.SubmitAsync("/money/spending-policy/edit", new Dictionary<string, string> { ["Text"] = "Spend it on what your plan's outcomes need.\n\nAsk us if you are not sure." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await person.GetPageAsync("/money/spending-policy");
        Assert.Equal(2, changed.QuerySelectorAll("#policy-text p").Length);
    }

    private async Task<HttpResponseMessage> PostReceiptAsync(TestClient client, string what, string amount, byte[] file, string fileName)
    {
        var page = await client.GetPageAsync("/my-direct-payment/wallet/receipts/new");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        var today = await TodayAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(today.Day.ToString(CultureInfo.InvariantCulture)), "SpentOn.Day" },
            { new StringContent(today.Month.ToString(CultureInfo.InvariantCulture)), "SpentOn.Month" },
            { new StringContent(today.Year.ToString(CultureInfo.InvariantCulture)), "SpentOn.Year" },
            { new StringContent(amount), "Amount" },
            { new StringContent("Activities"), "Category" },
            { new StringContent(what), "Description" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/png");
        content.Add(part, "Upload", fileName);
        return await client.Http.PostAsync(new Uri("/my-direct-payment/wallet/receipts/new", UriKind.Relative), content);
    }

    private sealed record Ids(Guid Council, Guid Amara, Guid AmaraAccount, Guid Leo, Guid LeoAccount);

    private async Task<Ids> IdsAsync()
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var amara = await db.People.Where(p => p.Reference == "EX-000101").Select(p => p.Id).SingleAsync();
            var leo = await db.People.Where(p => p.Reference == "EX-000102").Select(p => p.Id).SingleAsync();
            var amaraAccount = await db.DpAccounts.Where(a => a.PersonId == amara).Select(a => a.Id).SingleAsync();
            var leoAccount = await db.DpAccounts.Where(a => a.PersonId == leo).Select(a => a.Id).SingleAsync();
            return new Ids(council, amara, amaraAccount, leo, leoAccount);
        }
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
            return scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInEngland();
        }
    }

    /// <summary>Posts one entry to an account through <see cref="MoneyActions.Post"/>, as a statement line would be, and returns its id.</summary>
    private async Task<long> PostAsync(Guid accountId, LedgerBook from, LedgerBook to, long pence, CostCategory? category, string description, string? payee = null)
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var money = scope.ServiceProvider.GetRequiredService<MoneyActions>();
            var entry = new LedgerEntry
            {
                AccountId = accountId, Credit = from, Debit = to, AmountPence = pence, OccurredOn = money.Today.AddDays(-2),
                Source = EntrySource.Statement, SourceId = Guid.NewGuid(), LineNumber = 1, Description = description, Payee = payee, Category = category,
            };
            money.Post([entry], "test.posted", nameof(LedgerEntry), "test");
            await db.SaveChangesAsync();
            return entry.Id;
        }
    }

    private async Task<(Money Balance, Money Weekly)> BalanceAndWeeklyAsync(Guid accountId)
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId).ToListAsync();
            var weekly = await db.PaymentSchedules.Where(s => s.AccountId == accountId).OrderByDescending(s => s.StartsOn).Select(s => s.WeeklyBudgetPence).FirstAsync();
            return (LedgerRules.Balance(entries, LedgerBook.Wallet), new Money(weekly));
        }
    }

    private async Task<(int Receipts, int Entries)> CountsAsync(Guid accountId)
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            return (await db.Receipts.CountAsync(r => r.AccountId == accountId), await db.LedgerEntries.CountAsync(e => e.AccountId == accountId));
        }
    }

    private async Task<int> NotesAsync(Guid accountId)
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            return await db.EntryNotes.CountAsync(n => n.AccountId == accountId);
        }
    }

    private async Task<long> EntryForPayeeAsync(Guid accountId, string payee)
    {
        var council = await CouncilAsync(DemoSeeder.CouncilSlug);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            return await db.LedgerEntries.Where(e => e.AccountId == accountId && e.Payee == payee).Select(e => e.Id).SingleAsync();
        }
    }

    private async Task<List<string?>> LineViewsAsync(Guid council, Guid accountId)
    {
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var id = accountId.ToString();
            return await db.AuditEntries.Where(a => a.Action == "money.lines.viewed" && a.RecordId == id).OrderBy(a => a.Sequence).Select(a => a.Reason).ToListAsync();
        }
    }

    private async Task<HttpClient> ApiClientAsync(Guid council, string scopes)
    {
        var (scope, db) = app.OpenDatabase(council);
        string key;
        using (scope)
        {
            var (text, prefix, hash) = ApiKeyAuthentication.NewKey();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Wallet test key", Prefix = prefix, SecretHash = hash, Scopes = scopes });
            await db.SaveChangesAsync();
            key = text;
        }
        var client = app.CreateClient().Http;
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static Money SpentRecent(AngleSharp.Dom.IDocument page, string category)
    {
        var row = page.QuerySelectorAll("#table-recent tbody tr").SingleOrDefault(r => r.QuerySelector("th")!.TextContent.StartsWith(category, StringComparison.Ordinal));
        return row is null ? Money.Zero : Money.TryParsePounds(row.QuerySelectorAll("td")[1].TextContent.Trim()) ?? throw new InvalidOperationException("The spent cell is not an amount.");
    }
}

public sealed class WalletTests_Sqlite(SqliteApp app) : WalletTests(app), IClassFixture<SqliteApp>;

public sealed class WalletTests_Postgres(PostgresApp app) : WalletTests(app), IClassFixture<PostgresApp>;
