using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DirectPayments.Browser.Tests.Platform;
using Microsoft.Playwright;

namespace DirectPayments.Browser.Tests.Journey;

/// <summary>
/// What the journey tests do at a browser: open a page, fill a field, choose an option, press a button, and run
/// axe-core once per page pattern (GUIDs and numbers replaced) and role per test run, error states included.
/// </summary>
internal static partial class JourneyPages
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly ConcurrentDictionary<string, bool> Checked = new(StringComparer.Ordinal);

    /// <summary>Today in England, as the app works it out.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

    public static string Long(DateOnly day) => day.ToString("d MMMM yyyy", EnGb);

    /// <summary>The page's path with each GUID and number replaced, so /arrangements/{id}/agreement is checked once.</summary>
    public static string Pattern(string url)
    {
        var path = new Uri(url).AbsolutePath;
        path = GuidPattern().Replace(path, "{id}");
        return NumberSegment().Replace(path, "/{n}");
    }

    /// <summary>Runs axe on the page as it is now, unless this role has already had this page pattern (and error state) checked.</summary>
    public static async Task CheckAsync(BrowserSession session, string who)
    {
        var errors = await session.Page.Locator(".govuk-error-summary").CountAsync() > 0;
        var key = $"{who} {Pattern(session.Page.Url)}{(errors ? " (with errors)" : "")}";
        if (Checked.TryAdd(key, true))
        {
            await session.AssertAccessibleAsync();
        }
    }

    /// <summary>Opens a path, expecting 200, and checks it.</summary>
    public static async Task OpenAsync(BrowserSession session, string who, string path)
    {
        var response = await session.Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == 200, $"GET {path} gave {response.Status} for {who}.");
        await CheckAsync(session, who);
    }

    /// <summary>Presses a button (or follows a link) that loads a new page, waits for it, and checks it.</summary>
    public static async Task PressAsync(BrowserSession session, string who, ILocator target)
    {
        // Mark this document, then wait for a new one to finish loading (a POST, its redirect and the next page).
        await session.Page.EvaluateAsync("() => { window.dpLeaving = true; }");
        await target.ClickAsync();
        await session.Page.WaitForFunctionAsync("() => !window.dpLeaving && document.readyState === 'complete'");
        await CheckAsync(session, who);
    }

    public static Task PressButtonAsync(BrowserSession session, string who, string name) =>
        PressAsync(session, who, session.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true }));

    public static Task FollowLinkAsync(BrowserSession session, string who, string name) =>
        PressAsync(session, who, session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = name }).First);

    public static ILocator Field(IPage page, string name) => page.Locator($"[name='{name}']");

    public static Task FillAsync(IPage page, string name, string value) => Field(page, name).FillAsync(value);

    /// <summary>Chooses the radio (or ticks the checkbox) with this name and value by clicking its label.</summary>
    public static async Task ChooseAsync(IPage page, string name, string value)
    {
        var input = page.Locator($"input[name='{name}'][value='{value}']");
        var id = await input.GetAttributeAsync("id") ?? throw new InvalidOperationException($"No option {name}={value}.");
        await page.Locator($"label[for='{id}']").ClickAsync();
        await Assertions.Expect(input).ToBeCheckedAsync();
    }

    public static async Task FillDateAsync(IPage page, string name, DateOnly day) =>
        await FillDateAsync(page, name, day.Day.ToString(EnGb), day.Month.ToString(EnGb), day.Year.ToString(EnGb));

    public static async Task FillDateAsync(IPage page, string name, string day, string month, string year)
    {
        await FillAsync(page, name + ".Day", day);
        await FillAsync(page, name + ".Month", month);
        await FillAsync(page, name + ".Year", year);
    }

    /// <summary>The stage tag beside the person's name on the arrangement's overview.</summary>
    public static async Task ExpectStageAsync(BrowserSession session, string who, Guid arrangementId, string stage)
    {
        if (new Uri(session.Page.Url).AbsolutePath != $"/arrangements/{arrangementId}")
        {
            await OpenAsync(session, who, $"/arrangements/{arrangementId}");
        }
        await Assertions.Expect(session.Page.Locator("h1 .govuk-tag")).ToHaveTextAsync(stage);
    }

    /// <summary>
    /// Checks the GOV.UK error summary: it has the message, takes focus, and its link moves focus to the field at fault.
    /// </summary>
    public static async Task ExpectErrorAsync(BrowserSession session, string who, string message, string fieldId)
    {
        var page = session.Page;
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(summary.Locator(".govuk-error-summary__title")).ToHaveTextAsync("There is a problem");
        var link = summary.GetByRole(AriaRole.Link, new() { Name = message });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#" + fieldId);
        await Assertions.Expect(page.Locator(".govuk-error-message").Filter(new() { HasText = message }).First).ToBeVisibleAsync();
        await CheckAsync(session, who);
        await link.ClickAsync();
        var focused = await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id");
        Assert.Equal(fieldId, focused);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex NumberSegment();
}
