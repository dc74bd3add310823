using System.Text.RegularExpressions;
using DirectPayments.Browser.Tests.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;
using static DirectPayments.Browser.Tests.Journey.JourneyPages;

namespace DirectPayments.Browser.Tests.Finance;

/// <summary>
/// Issue #4, item 8 on a phone: Grace opens Leo's wallet on a 320 pixel wide screen, records a cash spend with a
/// photo of the receipt, explains a payment, and prints a statement, with axe-core run on every page.
/// </summary>
public sealed class WalletTests(BrowserAppFixture app)
{
    private const string Who = "person";

    private static readonly DemoAccount Grace = DemoSeeder.Accounts.Single(a => a.Email == "grace.bennett@demo.example");

    [Fact]
    public async Task Grace_OnAPhone_UsesLeosWallet_RecordsAReceipt_ExplainsAPayment_AndPrintsAStatement()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(320, 640);
        await session.SignInAsync(Grace);

        await OpenAsync(session, Who, "/my-direct-payment");
        await FollowLinkAsync(session, Who, "See Leo's wallet");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leo's wallet");
        await Assertions.Expect(page.Locator("#balance")).ToContainTextAsync("£");
        // The chart is an image with a title and description, and a table says the same in text.
        await Assertions.Expect(page.Locator("svg#chart-recent title")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("svg#chart-recent")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#table-recent")).ToContainTextAsync("Activities");
        await ExpectNoSidewaysScrollAsync(page);
        await session.ScreenshotAsync("wallet-320");

        // A cash or paper spend with a photo of the receipt.
        await FollowLinkAsync(session, Who, "Record something you paid for in cash or on paper");
        await FillDateAsync(page, "SpentOn", Today);
        await FillAsync(page, "Amount", "6.40");
        await ChooseAsync(page, "Category", "Transport");
        await FillAsync(page, "Description", "Bus fares to swimming");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "bus-ticket.png", MimeType = "image/png", Buffer = MoneyWalletDemo.ReceiptPng() });
        await ExpectNoSidewaysScrollAsync(page);
        await PressButtonAsync(session, Who, "Record it");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("We have recorded £6.40 for Bus fares to swimming");
        await FollowLinkAsync(session, Who, "See the receipt");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Bus fares to swimming");
        await Assertions.Expect(page.Locator("main img")).ToHaveAttributeAsync("alt", new Regex("Photo of the receipt"));
        await page.GoBackAsync();

        // A payment nobody has sorted: Grace says what it was for, kindly asked.
        await OpenAsync(session, Who, "/my-direct-payment/wallet");
        await PressAsync(session, Who, page.Locator("main a", new() { HasTextString = "Tell us what this was for" }).First);
        await Assertions.Expect(page.Locator("#payment")).ToContainTextAsync(MoneyWalletDemo.UnexplainedPayee);
        await FillAsync(page, "Explanation", "Craft things for the Saturday club");
        await ChooseAsync(page, "Category", "Activities");
        await PressButtonAsync(session, Who, "Save");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"We will sort future payments to {MoneyWalletDemo.UnexplainedPayee} as Activities");

        // A statement for those who prefer paper: printing shows only the statement.
        await FollowLinkAsync(session, Who, "Print a statement");
        await PressButtonAsync(session, Who, "Show this period");
        await Assertions.Expect(page.Locator("#opening")).ToContainTextAsync("£");
        await Assertions.Expect(page.Locator("#statement-lines")).ToContainTextAsync("Bus fares to swimming");
        await ExpectNoSidewaysScrollAsync(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.govuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#statement-lines")).ToBeVisibleAsync();
        await session.ScreenshotAsync("statement-print");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
    }

    /// <summary>The page fits the phone's width: anything wide (a table) scrolls inside its own box.</summary>
    private static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, width) = (sizes[0], sizes[1]);
        Assert.True(scroll <= width, $"The page is {scroll} pixels wide on a {width} pixel screen");
    }
}
