using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Demo;

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>Pages fetch nothing from other sites (no CDN, analytics or fonts service) and load no web fonts.</summary>
public sealed class PageWeightTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Browse_SignedOutAndAsPractitioner_RequestsOnlyOwnOriginAndNoWebFonts()
    {
        await using var session = await app.NewSessionAsync();

        await session.GoToAsync("/");
        await session.GoToAsync("/accessibility");
        await session.SignInAsync(DemoSeeder.Accounts.First(a => a.Role == Role.Practitioner));
        await session.GoToAsync("/people");
        await session.GoToAsync("/account");

        // The recording works: the pages' own stylesheet and script were fetched.
        Assert.Contains(session.Requests, url => new Uri(url).AbsolutePath == "/css/app.css");
        Assert.Contains(session.Requests, url => new Uri(url).AbsolutePath == "/js/app.mjs");
        var offending = session.ForeignOrFontRequests();
        Assert.True(offending.Count == 0, $"Requests to another origin or for a web font (only {app.BaseAddress} is allowed):{Environment.NewLine}{string.Join(Environment.NewLine, offending)}");
    }
}
