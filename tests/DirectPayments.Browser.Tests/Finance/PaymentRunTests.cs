using DirectPayments.Browser.Tests.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;
using static DirectPayments.Browser.Tests.Journey.JourneyPages;

namespace DirectPayments.Browser.Tests.Finance;

/// <summary>
/// A finance officer makes a payment run, checks the draft, confirms it and downloads the CSV for the finance
/// system, with axe-core run on every page (issue #4, item 2).
/// </summary>
public sealed class PaymentRunTests(BrowserAppFixture app)
{
    private const string Finance = "finance";

    private static readonly DemoAccount Fiona = DemoSeeder.Accounts.Single(a => a.Email == "fiona.reid@demo.example");

    [Fact]
    public async Task FinanceOfficer_MakesAndConfirmsARun_AndDownloadsTheCsv()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(Fiona);

        await OpenAsync(session, Finance, "/money/payment-runs");
        // A GOV.UK button-styled link: its role is button.
        await PressAsync(session, Finance, page.Locator("main a[href='/money/payment-runs/new']"));

        // A date too far ahead is refused with the reason at the field.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await FillDateAsync(page, "PayOn", today.AddDays(60));
        await PressButtonAsync(session, Finance, "Work out the payments");
        await ExpectErrorAsync(session, Finance, "The pay-on date must be no more than 35 days from today", "PayOn.Day");

        // 30 days ahead: every four-weekly payment falls due by then, so the run has payments to check.
        await FillDateAsync(page, "PayOn", today.AddDays(30));
        await PressButtonAsync(session, Finance, "Work out the payments");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This is a draft. Nothing has been paid.");
        await Assertions.Expect(page.Locator("#lines")).ToContainTextAsync("Amara Okafor");
        await Assertions.Expect(page.Locator("#held")).ToContainTextAsync("Harry Collins");

        await PressAsync(session, Finance, page.Locator("#Confirm"));
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("confirmed");
        await Assertions.Expect(page.Locator("#confirmed-by")).ToContainTextAsync("Fiona Reid");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("payment_reference,pay_on,payee_name,sort_code,account_number,amount,amount_pence", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Amara Okafor", StringComparison.Ordinal));

        await OpenAsync(session, Finance, "/money/contributions");
        await Assertions.Expect(page.Locator("#contributions")).ToContainTextAsync("Amara Okafor");
    }
}
