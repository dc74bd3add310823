using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DirectPayments.Web.Platform.Demo;
using Microsoft.Playwright;

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>
/// One person at one browser: a fresh context and page, every request the page made, and the
/// checks every page visit gets (a successful response, then axe-core against WCAG 2.2 A and AA).
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, Uri origin, bool javaScriptEnabled) : IAsyncDisposable
{
    public bool JavaScriptEnabled { get; } = javaScriptEnabled;

    /// <summary>The WCAG 2.0, 2.1 and 2.2 A and AA rules (the Public Sector Bodies Accessibility Regulations ask for 2.2 AA).</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly List<string> requests = Record(page);

    public IPage Page { get; } = page;

    /// <summary>Every URL the page asked for, in order, including styles, scripts and images.</summary>
    public IReadOnlyList<string> Requests => requests;

    /// <summary>Every page this session ran axe on, so a test can say what it covered.</summary>
    public List<string> Checked { get; } = [];

    private static List<string> Record(IPage page)
    {
        var list = new List<string>();
        page.Request += (_, request) =>
        {
            lock (list)
            {
                list.Add(request.Url);
            }
        };
        return list;
    }

    /// <summary>Opens a path, expecting the given status, and checks the page is accessible.</summary>
    public async Task GoToAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"GET {path} gave {response.Status}, expected {expectedStatus}.");
        await AssertAccessibleAsync();
    }

    /// <summary>Runs axe-core on the page as it is now and fails with each violation's id, help and targets.</summary>
    public async Task AssertAccessibleAsync()
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        };
        if (!JavaScriptEnabled)
        {
            // axe-core runs as script in the page, which a context without JavaScript cannot do (the call never returns).
            // The same pages are checked with JavaScript on in the role journeys.
            return;
        }
        var result = await Page.RunAxe(options);
        var where = new Uri(Page.Url).PathAndQuery;
        Checked.Add(where);
        Assert.True(result.Violations.Length == 0, Describe(where, result.Violations));
    }

    private static string Describe(string where, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe-core found {violations.Length} accessibility violation(s) on {where}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append(' ').Append(violation.HelpUrl);
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append("    at ").Append(node.Target).Append(": ").Append(node.Html);
            }
        }
        return text.ToString();
    }

    /// <summary>Signs in through the form as a demo account, choosing the first council if asked, and ends on the home page.</summary>
    public async Task SignInAsync(DemoAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await GoToAsync("/sign-in");
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        if (new Uri(Page.Url).AbsolutePath == "/choose-council")
        {
            await AssertAccessibleAsync();
            await Page.Locator("input[name=CouncilId]").First.CheckAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Page.WaitForLoadStateAsync();
        }
        Assert.Equal("/home", new Uri(Page.Url).AbsolutePath);
        await AssertAccessibleAsync();
    }

    /// <summary>Signs out with the header button and checks the signed-out page.</summary>
    public async Task SignOutAsync()
    {
        await Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        Assert.Equal("/account/sign-out", new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        await AssertAccessibleAsync();
    }

    /// <summary>Saves a full-page screenshot to the test output folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserAppFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"The screenshot {path} is empty.");
        return path;
    }

    /// <summary>Requests that left the app's own origin, or fetched a web font.</summary>
    public IReadOnlyList<string> ForeignOrFontRequests()
    {
        lock (requests)
        {
            return [.. requests.Where(url =>
            {
                var uri = new Uri(url);
                var foreign = !(uri.Scheme is "http" or "https") ? uri.Scheme != "data" : uri.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority);
                var font = uri.AbsolutePath.EndsWith(".woff", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.EndsWith(".woff2", StringComparison.OrdinalIgnoreCase);
                return foreign || font;
            })];
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
