using DirectPayments.Browser.Tests.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;
using static DirectPayments.Browser.Tests.Journey.JourneyPages;

namespace DirectPayments.Browser.Tests.Finance;

/// <summary>
/// Issue #4, item 6 in a real browser: a support worker (Sam, working in Exampleshire) opens a flag the
/// demo's monitoring raised, reads the facts and the suggested opening, and records how the
/// conversation ended; every page passes axe-core.
/// </summary>
public sealed class SupportiveConversationTests(BrowserAppFixture app)
{
    private const string SupportWorker = "support worker";

    private static readonly DemoAccount Sam = DemoSeeder.Accounts.Single(a => a.Email == "sam.carter@demo.example");

    [Fact]
    public async Task SupportWorker_OpensAFlag_AndRecordsTheConversation()
    {
        await using var session = await app.NewSessionAsync();
        await session.SignInAsync(Sam);
        await OpenAsync(session, SupportWorker, "/money/flags");
        var first = session.Page.Locator("#flags tbody a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await PressAsync(session, SupportWorker, first);
        await Assertions.Expect(session.Page.Locator("#opening")).Not.ToBeEmptyAsync();
        var flagPath = new Uri(session.Page.Url).AbsolutePath;

        // Nothing chosen: the errors say what to do, and the page stays accessible.
        await PressButtonAsync(session, SupportWorker, "Record the conversation");
        await ExpectErrorAsync(session, SupportWorker, "Choose how the conversation ended", "Outcome");

        await ChooseAsync(session.Page, "Outcome", "SupportOffered");
        await FillAsync(session.Page, "Notes", "Talked with Amara: her PA has been off sick. We offered the support service's help to find cover, and she said yes.");
        await PressButtonAsync(session, SupportWorker, "Record the conversation");
        Assert.Equal("/money/flags", new Uri(session.Page.Url).AbsolutePath);
        await Assertions.Expect(session.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("Conversation recorded");

        await OpenAsync(session, SupportWorker, flagPath);
        await Assertions.Expect(session.Page.Locator("#outcome")).ToContainTextAsync("Support offered");
    }
}
