using System.Text;
using DirectPayments.Browser.Tests.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;
using static DirectPayments.Browser.Tests.Journey.JourneyPages;

namespace DirectPayments.Browser.Tests.Finance;

/// <summary>
/// A finance officer imports one account's statement through the page, sees what was added, and sees a
/// bad file refused whole with each bad line named; axe-core runs on every page (issue #4, item 3).
/// </summary>
public sealed class StatementImportTests(BrowserAppFixture app)
{
    private const string Finance = "finance";

    private static readonly DemoAccount Fiona = DemoSeeder.Accounts.Single(a => a.Email == "fiona.reid@demo.example");

    [Fact]
    public async Task FinanceOfficer_ImportsAStatement_AndSeesABadFileRefusedLineByLine()
    {
        var account = await app.AccountReferenceAsync("EX-000101");
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(Fiona);
        await OpenAsync(session, Finance, "/money/imports");

        // Two genuine identical purchases on one day, and a refund: all three are added.
        var day = Today.AddDays(-2).ToString("dd/MM/yyyy", EnGb);
        var good = $"Date,Description,Amount\r\n{day},BROWSER TEST BUS FARE,-2.50\r\n{day},BROWSER TEST BUS FARE,-2.50\r\n{day},BROWSER TEST REFUND,1.25\r\n";
        await Upload(page, "browser-good.csv", good, account);
        await PressButtonAsync(session, Finance, "Import statement");
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("Accepted");
        await Assertions.Expect(page.Locator("#added-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync("BROWSER TEST BUS FARE");

        // The same file again adds nothing.
        await OpenAsync(session, Finance, "/money/imports");
        await Upload(page, "browser-good.csv", good, account);
        await PressButtonAsync(session, Finance, "Import statement");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("already");

        // A mistyped amount and an impossible date: the whole file is refused, each line named.
        await OpenAsync(session, Finance, "/money/imports");
        var bad = $"Date,Description,Amount\r\n{day},FINE LINE,-1.00\r\n{day},TYPO,\"-1,234.5O\"\r\n31/02/2026,NO SUCH DAY,-3.00\r\n";
        await Upload(page, "browser-bad.csv", bad, account);
        await PressButtonAsync(session, Finance, "Import statement");
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("Rejected");
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("line 3", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("line 4", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("FINE LINE");
    }

    private static async Task Upload(IPage page, string name, string csv, string account)
    {
        await page.Locator("#Statement").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#ColumnMap").SelectOptionAsync("minimal");
        await page.Locator("#AccountReference").FillAsync(account);
    }
}
