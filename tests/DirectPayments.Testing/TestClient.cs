using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DirectPayments.Web.Platform.Demo;
using Xunit;

namespace DirectPayments.Testing;

/// <summary>
/// A client that behaves like a browser without JavaScript: it keeps cookies, does not follow
/// redirects by itself, reads pages as HTML, and fills in forms with their antiforgery token.
/// </summary>
public sealed class TestClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;
    private readonly TestApp _app;

    public TestClient(Uri baseAddress, TestApp app)
    {
        _app = app;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Gets a page and parses it; fails the test if the status is not the one expected.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path} gave {(int)response.StatusCode}, expected {(int)expected}. {Location(response)}");
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>
    /// Opens the page, fills the form (the first post form in the main content, or the one with the
    /// given handler) with the given fields on top of the form's own values, and posts it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, IReadOnlyDictionary<string, string> fields, string? handler = null)
    {
        var page = await GetPageAsync(pagePath);
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").ToList();
        var form = handler is null
            ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"No form{(handler is null ? "" : " for " + handler)} on {pagePath}");
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pagePath;
        return await PostAsync(action, form, fields);
    }

    /// <summary>Posts the form's fields (hidden inputs and current values), overridden by <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (fields.ContainsKey(input.Name!) || input.Type is "submit" or "password")
            {
                continue;
            }
            if (input.Type is "radio" or "checkbox" && !input.IsChecked)
            {
                continue;
            }
            values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);
        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Posts a form with only the antiforgery token of a page and the given fields.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string tokenPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetPageAsync(tokenPage);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? "";
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Signs in through the sign-in page (the demo password by default) and lands on the home page.</summary>
    public async Task SignInAsync(string email, string password = DemoSeeder.Password)
    {
        using var response = await SubmitAsync("/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} gave {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        if (response.Headers.Location?.OriginalString == "/home")
        {
            using var home = await GetAsync("/home");
            if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location?.OriginalString == "/choose-council")
            {
                var choose = await GetPageAsync("/choose-council");
                var exampleshire = choose.QuerySelectorAll<IHtmlLabelElement>("label")
                    .Single(l => l.TextContent.Contains("Exampleshire", StringComparison.Ordinal));
                var id = choose.GetElementById(exampleshire.HtmlFor!)!.GetAttribute("value")!;
                using var chosen = await SubmitAsync("/choose-council", new Dictionary<string, string> { ["CouncilId"] = id });
                Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            }
        }
    }

    /// <summary>The error messages a page shows in its error summary.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return ErrorSummary(page);
    }

    public static IReadOnlyList<string> ErrorSummary(IDocument page) =>
        [.. page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())];

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The newest email in the app's outbox, as text.</summary>
    public string LatestEmail()
    {
        var file = new DirectoryInfo(_app.OutboxFolder).GetFiles("*.eml").OrderByDescending(f => f.Name).FirstOrDefault();
        Assert.True(file is not null, "No email was sent");
        var message = MimeKit.MimeMessage.Load(file.FullName);
        return $"To: {message.To}\nSubject: {message.Subject}\n\n{message.TextBody}";
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? $"Location: {l}" : "";

    public void Dispose() => _http.Dispose();
}
