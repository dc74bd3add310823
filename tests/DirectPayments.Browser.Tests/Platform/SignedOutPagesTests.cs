using Microsoft.Playwright;

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>What anyone sees before signing in: every public page, the 404 page and sign-in mistakes, each checked with axe-core.</summary>
public sealed class SignedOutPagesTests(BrowserAppFixture app)
{
    public static TheoryData<string, string> PublicPages => new()
    {
        { "/", "Direct payments" },
        { "/accessibility", "Accessibility statement" },
        { "/privacy", "Privacy notice" },
        { "/contact", "Contact us" },
        { "/sign-in", "Sign in" },
        { "/account/forgot-password", "Reset your password" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Get_PublicPageSignedOut_IsAccessibleWithHeading(string path, string headingStart)
    {
        await using var session = await app.NewSessionAsync();

        await session.GoToAsync(path);

        var heading = await session.Page.Locator("h1").First.InnerTextAsync();
        Assert.StartsWith(headingStart, heading.Trim(), StringComparison.Ordinal);
        Assert.Empty(session.ForeignOrFontRequests());
    }

    [Fact]
    public async Task Get_UnknownAddress_ShowsAccessible404Page()
    {
        await using var session = await app.NewSessionAsync();

        await session.GoToAsync("/this-does-not-exist", expectedStatus: 404);

        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Page not found");
        Assert.StartsWith("Page not found", await session.Page.TitleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyForm_ShowsAccessibleErrorSummaryLinkedToFields()
    {
        await using var session = await app.NewSessionAsync();
        await session.GoToAsync("/sign-in");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await session.Page.WaitForLoadStateAsync();

        await Assertions.Expect(session.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        await AssertErrorSummaryLinksResolveAsync(session.Page);
    }

    [Fact]
    public async Task Get_StartPage_RendersGovUkStylesWithCouncilNameAndNoCrown()
    {
        await using var session = await app.NewSessionAsync();

        await session.GoToAsync("/");
        await session.ScreenshotAsync("start-page");

        await Assertions.Expect(session.Page.Locator("header")).ToContainTextAsync("Exampleshire County Council");
        await Assertions.Expect(session.Page.Locator("header svg, .govuk-header__logotype-crown, .govuk-logo-dot")).ToHaveCountAsync(0);
        // The compiled GOV.UK stylesheet is applied: the page is 960px wide at most and uses the system font stack.
        var width = await session.Page.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e.parentElement).maxWidth");
        var font = await session.Page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.Equal("960px", width);
        Assert.StartsWith("system-ui", font, StringComparison.Ordinal);
        // GOV.UK Frontend's script ran.
        await Assertions.Expect(session.Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));
    }

    /// <summary>Each link in the GOV.UK error summary goes to a field on the page.</summary>
    internal static async Task AssertErrorSummaryLinksResolveAsync(IPage page)
    {
        var hrefs = await page.Locator(".govuk-error-summary__list a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs)
        {
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.True(await page.Locator(href).CountAsync() == 1, $"The error summary links to {href}, which is not on the page.");
        }
    }
}
