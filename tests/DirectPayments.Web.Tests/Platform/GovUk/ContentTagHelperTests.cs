using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class ContentTagHelperTests
{
    private const string Lpa = "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.";
    private const string Nationality = "We need to know your nationality so we can work out which elections you’re entitled to vote in. If you can’t provide your nationality, you’ll have to send copies of identity documents through the post.";

    [Theory]
    [InlineData("default")]
    [InlineData("disabled")]
    [InlineData("link")]
    [InlineData("start")]
    [InlineData("start link")]
    [InlineData("secondary")]
    [InlineData("warning")]
    [InlineData("value")]
    [InlineData("prevent double click")]
    public async Task Button_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var node = fixture switch
        {
            "default" => H("govuk-button", new ButtonTagHelper(), "Save and continue"),
            "disabled" => H("govuk-button", new ButtonTagHelper { Disabled = true }, "Disabled button"),
            "link" => H("govuk-button", new ButtonTagHelper { Href = "/" }, "Link button"),
            "start" => H("govuk-button", new ButtonTagHelper { IsStartButton = true }, "Start now button"),
            "start link" => H("govuk-button", new ButtonTagHelper { Href = "/", IsStartButton = true }, "Start now link button"),
            "secondary" => H("govuk-button", new ButtonTagHelper { Name = "secondary" }, new() { ["class"] = "govuk-button--secondary" }, "Secondary button"),
            "warning" => H("govuk-button", new ButtonTagHelper { Name = "Warning" }, new() { ["class"] = "govuk-button--warning" }, "Warning button"),
            "value" => H("govuk-button", new ButtonTagHelper { Value = "start" }, "Submit"),
            "prevent double click" => H("govuk-button", new ButtonTagHelper { PreventDoubleClick = true }, "Submit"),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("button", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default", null, "Alpha")]
    [InlineData("grey", "govuk-tag--grey", "Grey")]
    [InlineData("red", "govuk-tag--red", "Red")]
    [InlineData("html", null, "<span>Alpha</span>")]
    public async Task Tag_FixtureCase_MatchesGovUkHtml(string fixture, string? cssClass, string content)
    {
        var node = cssClass is null
            ? H("govuk-tag", new TagTagHelper(), content)
            : H("govuk-tag", new TagTagHelper(), new() { ["class"] = cssClass }, content);

        HtmlAssert.Equivalent(GovUkFixtures.Html("tag", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("classes")]
    [InlineData("id")]
    public async Task InsetText_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var node = fixture switch
        {
            "default" => H("govuk-inset-text", new InsetTextTagHelper(), Lpa),
            "classes" => H("govuk-inset-text", new InsetTextTagHelper(), new() { ["class"] = "app-inset-text--custom-modifier" }, Lpa),
            "id" => H("govuk-inset-text", new InsetTextTagHelper(), new() { ["id"] = "my-inset-text" }, Lpa),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("inset-text", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default", "Warning", "You can be fined up to £5,000 if you don’t register.")]
    [InlineData("no icon fallback text", "Warning", "This is a warning")]
    [InlineData("html", "Warning", "<span>Some custom warning text</span>")]
    public async Task WarningText_FixtureCase_MatchesGovUkHtml(string fixture, string fallback, string content)
    {
        var html = await RenderAsync(H("govuk-warning-text", new WarningTextTagHelper { IconFallbackText = fallback }, content));

        HtmlAssert.Equivalent(GovUkFixtures.Html("warning-text", fixture), html);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("expanded")]
    [InlineData("html")]
    public async Task Details_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var (summary, text) = fixture == "html" ? ("Expand this section", "More about <b>bold text</b>") : ("Help with nationality", Nationality);
        var attributes = fixture == "expanded" ? new Dictionary<string, object> { ["id"] = "help-with-nationality" } : [];
        var node = H("govuk-details", new DetailsTagHelper { Open = fixture == "expanded" }, attributes,
            H("govuk-details-summary", new DetailsChildTagHelper(), summary),
            H("govuk-details-text", new DetailsChildTagHelper(), text));

        HtmlAssert.Equivalent(GovUkFixtures.Html("details", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default", 1, "Application complete", "Your reference number<br><strong>HDJ2123F</strong>")]
    [InlineData("custom heading level", 2, "Application complete", "Your reference number: HDJ2123F")]
    [InlineData("title with no body text", 1, "Application complete", "")]
    public async Task Panel_FixtureCase_MatchesGovUkHtml(string fixture, int headingLevel, string title, string body)
    {
        var html = await RenderAsync(H("govuk-panel", new PanelTagHelper { HeadingLevel = headingLevel },
            H("govuk-panel-title", new PanelTagHelper.PanelTitleTagHelper(), title), body));

        HtmlAssert.Equivalent(GovUkFixtures.Html("panel", fixture), html);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with type as success")]
    [InlineData("custom title")]
    [InlineData("with text as html")]
    public async Task NotificationBanner_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        static string Heading(string text) => $"<p class=\"govuk-notification-banner__heading\">{text}</p>";
        var node = fixture switch
        {
            "default" => H("govuk-notification-banner", new NotificationBannerTagHelper(), Heading("This publication was withdrawn on 7 March 2014.")),
            "with type as success" => H("govuk-notification-banner", new NotificationBannerTagHelper { Type = "success" }, Heading("Email sent to example@email.com")),
            "custom title" => H("govuk-notification-banner", new NotificationBannerTagHelper(),
                H("govuk-notification-banner-title", new NotificationBannerTagHelper.NotificationBannerTitleTagHelper(), "Important information"),
                Heading("This publication was withdrawn on 7 March 2014.")),
            "with text as html" => H("govuk-notification-banner", new NotificationBannerTagHelper(),
                """
                <h3 class="govuk-notification-banner__heading">This publication was withdrawn on 7 March 2014</h3>
                <p class="govuk-body">The following 4 files are available</p>
                <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  <li><a href="#" class="govuk-notification-banner__link">government-strategy.pdf</a></li>
                  <li><a href="#" class="govuk-notification-banner__link">government-strategy-v2.pdf</a></li>
                  <li><a href="#" class="govuk-notification-banner__link">government-strategy-v3-FINAL.pdf</a></li>
                  <li><a href="#" class="govuk-notification-banner__link">government-strategy-v4-FINAL-v2.pdf</a></li>
                </ul>
                """),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("notification-banner", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("inverse")]
    [InlineData("with custom text and link")]
    public async Task BackLink_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var node = fixture switch
        {
            "default" => H("govuk-back-link", new BackLinkTagHelper()),
            "inverse" => H("govuk-back-link", new BackLinkTagHelper(), new Dictionary<string, object> { ["class"] = "govuk-back-link--inverse" }),
            "with custom text and link" => H("govuk-back-link", new BackLinkTagHelper { Href = "/home" }, "Back to home"),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("back-link", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default", "#test-target-element", "Skip to main content")]
    [InlineData("custom text", "#content", "skip")]
    [InlineData("no href", "#content", "")]
    public async Task SkipLink_FixtureCase_MatchesGovUkHtml(string fixture, string href, string text)
    {
        var html = await RenderAsync(H("govuk-skip-link", new SkipLinkTagHelper { Href = href }, text));

        HtmlAssert.Equivalent(GovUkFixtures.Html("skip-link", fixture), html);
    }
}
