using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>
/// Each demo account signs in through the form, reaches its own home page, follows every link in the
/// header navigation and signs out, with axe-core run on every page along the way.
/// </summary>
public sealed class RoleJourneyTests(BrowserAppFixture app)
{
    public static TheoryData<string> DemoEmails => [.. DemoSeeder.Accounts.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task SignIn_EachDemoAccount_EveryPageInNavigationIsAccessible(string email)
    {
        var account = DemoSeeder.Accounts.Single(a => a.Email == email);
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await session.SignInAsync(account);

        var heading = page.Locator("h1");
        await Assertions.Expect(heading).ToContainTextAsync("Hello, ");
        await Assertions.Expect(heading.Locator(".govuk-caption-l")).ToHaveTextAsync(account.Role.Label());
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Exampleshire County Council");
        await session.ScreenshotAsync($"home-{account.Role}-{account.DisplayName.Replace(' ', '-')}");

        var links = await page.Locator("header a.govuk-service-navigation__link")
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/home", links);
        Assert.Contains("/account", links);
        foreach (var href in links.Distinct())
        {
            await FollowHeaderLinkAsync(session, href);
        }

        switch (account.Role)
        {
            case Role.CouncilAdmin:
                Assert.Contains("/admin/users", links);
                await InviteEmptyFormAsync(session);
                await session.GoToAsync("/admin/audit");
                await Assertions.Expect(heading).ToBeVisibleAsync();
                break;
            case Role.Practitioner:
                await OpenPersonAndContactFormAsync(session);
                break;
            case Role.Person:
                Assert.DoesNotContain("/people", links);
                await session.GoToAsync("/home");
                await page.Locator("main a[href^='/people/']").First.ClickAsync();
                await page.WaitForLoadStateAsync();
                await session.AssertAccessibleAsync();
                break;
            default:
                break;
        }

        await session.SignOutAsync();
        await session.Page.GotoAsync("/home");
        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
        Assert.Empty(session.ForeignOrFontRequests());
    }

    [Fact]
    public async Task SignIn_DemoAccount_HomeHeadingGreetsByName()
    {
        var account = DemoSeeder.Accounts.First(a => a.Role == Role.Practitioner);
        await using var session = await app.NewSessionAsync();

        await session.SignInAsync(account);

        await Assertions.Expect(session.Page.Locator("h1")).ToContainTextAsync($"Hello, {account.DisplayName}");
    }

    /// <summary>Clicks a header link as a person would, and checks the page it leads to.</summary>
    private static async Task FollowHeaderLinkAsync(BrowserSession session, string href)
    {
        var link = session.Page.Locator($"header a.govuk-service-navigation__link[href='{href}']").First;
        var response = await session.Page.RunAndWaitForResponseAsync(
            () => link.ClickAsync(),
            r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == href);
        await session.Page.WaitForLoadStateAsync();
        Assert.True(response.Status == 200, $"Following the header link {href} gave {response.Status}.");
        Assert.Equal(href, new Uri(session.Page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();
    }

    private static async Task InviteEmptyFormAsync(BrowserSession session)
    {
        var page = session.Page;
        await session.GoToAsync("/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite a member of staff" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/users/invite");
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        await SignedOutPagesTests.AssertErrorSummaryLinksResolveAsync(page);
    }

    private static async Task OpenPersonAndContactFormAsync(BrowserSession session)
    {
        var page = session.Page;
        await session.GoToAsync("/people");
        var firstPerson = page.Locator("table a[href^='/people/']").First;
        var name = (await firstPerson.InnerTextAsync()).Trim();
        await firstPerson.ClickAsync();
        await page.WaitForLoadStateAsync();
        await session.AssertAccessibleAsync();
        var familyName = name.Split(',')[0];
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(familyName);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change email address" }).ClickAsync();
        await page.WaitForURLAsync("**/contact");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change contact details");
        await session.AssertAccessibleAsync();

        // Saving without a reason is refused, and the error state is accessible too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        await SignedOutPagesTests.AssertErrorSummaryLinksResolveAsync(page);
    }
}
