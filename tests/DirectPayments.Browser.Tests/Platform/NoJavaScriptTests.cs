using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>Every page works without JavaScript (progressive enhancement): a practitioner can sign in and find a person.</summary>
public sealed class NoJavaScriptTests(BrowserAppFixture app)
{
    [Fact]
    public async Task SignIn_PractitionerWithoutJavaScript_CanSearchAndOpenPeople()
    {
        var practitioner = DemoSeeder.Accounts.First(a => a.Role == Role.Practitioner);
        await using var session = await app.NewSessionAsync(javaScriptEnabled: false);
        var page = session.Page;

        await session.SignInAsync(practitioner);
        await session.GoToAsync("/people");

        // GOV.UK Frontend's script would have marked the body; without JavaScript it has not.
        Assert.DoesNotContain("govuk-frontend-supported", await page.Locator("body").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();

        await page.GetByLabel("Search by name or reference").FillAsync("Okafor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Okafor, Amara" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Amara Okafor");

        await session.SignOutAsync();
    }
}
