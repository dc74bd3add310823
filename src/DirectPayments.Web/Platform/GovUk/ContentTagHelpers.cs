using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// A GOV.UK button: <c>&lt;govuk-button&gt;Save and continue&lt;/govuk-button&gt;</c>. With <c>href</c> it renders a
/// link styled as a button. Add <c>class="govuk-button--secondary"</c> or <c>govuk-button--warning</c> as needed.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class ButtonTagHelper : TagHelper
{
    /// <summary>Renders an <c>a</c> to this address instead of a <c>button</c>.</summary>
    public string? Href { get; set; }

    public string Type { get; set; } = "submit";

    public string? Name { get; set; }

    public string? Value { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Adds the arrow of a start button.</summary>
    public bool IsStartButton { get; set; }

    /// <summary>Stops a second click submitting the form twice (needs JavaScript).</summary>
    public bool? PreventDoubleClick { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-button", GovUkHtml.Encoder);
        if (IsStartButton)
        {
            output.AddClass("govuk-button--start", GovUkHtml.Encoder);
        }
        output.Attributes.SetAttribute("data-module", "govuk-button");
        if (Href is not null)
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", Href);
            output.Attributes.SetAttribute("role", "button");
            output.Attributes.SetAttribute("draggable", "false");
        }
        else
        {
            output.TagName = "button";
            output.Attributes.SetAttribute("type", Type);
            GovUkHtml.SetIfPresent(output, "name", Name);
            GovUkHtml.SetIfPresent(output, "value", Value);
            if (Disabled)
            {
                output.Attributes.SetAttribute(new TagHelperAttribute("disabled"));
                output.Attributes.SetAttribute("aria-disabled", "true");
            }
        }
        if (PreventDoubleClick is { } prevent)
        {
            output.Attributes.SetAttribute("data-prevent-double-click", prevent ? "true" : "false");
        }
        output.Content.SetHtmlContent(content);
        if (IsStartButton)
        {
            output.Content.AppendHtml("""<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>""");
        }
    }
}

/// <summary>Small helpers shared by the content components.</summary>
public static class GovUkHtml
{
    public static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Default;

    public static void SetIfPresent(TagHelperOutput output, string name, string? value)
    {
        if (value is not null)
        {
            output.Attributes.SetAttribute(name, value);
        }
    }

    /// <summary>Turns the tag helper's element into the given element with the given class, keeping its content.</summary>
    public static void Become(TagHelperOutput output, string tagName, string cssClass)
    {
        output.TagName = tagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        foreach (var c in cssClass.Split(' '))
        {
            output.AddClass(c, Encoder);
        }
    }

    public static TagBuilder Element(string tagName, string? cssClass = null, IHtmlContent? content = null)
    {
        var tag = new TagBuilder(tagName);
        if (cssClass is not null)
        {
            tag.AddCssClass(cssClass);
        }
        if (content is not null)
        {
            tag.InnerHtml.AppendHtml(content);
        }
        return tag;
    }

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A GOV.UK tag: <c>&lt;govuk-tag class="govuk-tag--green"&gt;Active&lt;/govuk-tag&gt;</c>.</summary>
[HtmlTargetElement("govuk-tag")]
public sealed class TagTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => GovUkHtml.Become(output, "strong", "govuk-tag");
}

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;...&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class InsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output) => GovUkHtml.Become(output, "div", "govuk-inset-text");
}

/// <summary>GOV.UK warning text: <c>&lt;govuk-warning-text&gt;You can be fined...&lt;/govuk-warning-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class WarningTextTagHelper : TagHelper
{
    /// <summary>What a screen reader says before the text; "Warning" unless set.</summary>
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        GovUkHtml.Become(output, "div", "govuk-warning-text");
        var icon = GovUkHtml.Element("span", "govuk-warning-text__icon", new HtmlString("!"));
        icon.Attributes["aria-hidden"] = "true";
        var text = GovUkHtml.Element("strong", "govuk-warning-text__text");
        if (IconFallbackText.Length > 0)
        {
            var hidden = GovUkHtml.Element("span", "govuk-visually-hidden");
            hidden.InnerHtml.Append(IconFallbackText);
            text.InnerHtml.AppendHtml(hidden);
        }
        text.InnerHtml.AppendHtml(content);
        output.Content.SetHtmlContent(icon).AppendHtml(text);
    }
}

/// <summary>
/// GOV.UK details: <c>&lt;govuk-details open="false"&gt;</c> with <c>&lt;govuk-details-summary&gt;</c> and
/// <c>&lt;govuk-details-text&gt;</c>. Works without JavaScript.
/// </summary>
[HtmlTargetElement("govuk-details")]
public sealed class DetailsTagHelper : TagHelper
{
    public bool Open { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        GovUkHtml.Become(output, "details", "govuk-details");
        if (Open)
        {
            output.Attributes.SetAttribute(new TagHelperAttribute("open"));
        }
        // The summary and text children render themselves in place.
        output.Content.SetHtmlContent(content);
    }
}

/// <summary>The summary line and the hidden text of <c>&lt;govuk-details&gt;</c>.</summary>
[HtmlTargetElement("govuk-details-summary", ParentTag = "govuk-details")]
[HtmlTargetElement("govuk-details-text", ParentTag = "govuk-details")]
public sealed class DetailsChildTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.TagName == "govuk-details-text")
        {
            GovUkHtml.Become(output, "div", "govuk-details__text");
            return;
        }
        GovUkHtml.Become(output, "summary", "govuk-details__summary");
        output.Content.SetHtmlContent(GovUkHtml.Element("span", "govuk-details__summary-text", content));
    }
}

/// <summary>
/// A GOV.UK panel: <c>&lt;govuk-panel&gt;</c> with <c>&lt;govuk-panel-title&gt;</c> and the body as the rest of its
/// content. <c>heading-level</c> sets the title's heading (1 by default).
/// </summary>
[HtmlTargetElement("govuk-panel")]
public sealed class PanelTagHelper : TagHelper
{
    public int HeadingLevel { get; set; } = 1;

    public override void Init(TagHelperContext context) => context.Items[typeof(PanelTagHelper)] = new PanelTitle();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = await output.GetChildContentAsync();
        var title = ((PanelTitle)context.Items[typeof(PanelTagHelper)]).Content;
        GovUkHtml.Become(output, "div", "govuk-panel govuk-panel--confirmation");
        output.Content.Clear();
        output.Content.AppendHtml(GovUkHtml.Element($"h{GovUkHtml.Number(HeadingLevel)}", "govuk-panel__title", title));
        if (!body.IsEmptyOrWhiteSpace)
        {
            output.Content.AppendHtml(GovUkHtml.Element("div", "govuk-panel__body", body));
        }
    }

    private sealed class PanelTitle
    {
        public IHtmlContent? Content { get; set; }
    }

    /// <summary>The title of <c>&lt;govuk-panel&gt;</c>.</summary>
    [HtmlTargetElement("govuk-panel-title", ParentTag = "govuk-panel")]
    public sealed class PanelTitleTagHelper : TagHelper
    {
        public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
        {
            ((PanelTitle)context.Items[typeof(PanelTagHelper)]).Content = new HtmlString((await output.GetChildContentAsync()).GetContent());
            output.SuppressOutput();
        }
    }
}

/// <summary>
/// A GOV.UK notification banner: <c>&lt;govuk-notification-banner type="success"&gt;</c> with an optional
/// <c>&lt;govuk-notification-banner-title&gt;</c> (default "Important", or "Success"); the rest of its content goes in
/// the banner, so wrap a one-line message in <c>&lt;p class="govuk-notification-banner__heading"&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    /// <summary>"success" for a green banner announced as an alert; otherwise a neutral banner.</summary>
    public string? Type { get; set; }

    public string? Role { get; set; }

    public string TitleId { get; set; } = "govuk-notification-banner-title";

    public int TitleHeadingLevel { get; set; } = 2;

    public override void Init(TagHelperContext context) => context.Items[typeof(NotificationBannerTagHelper)] = new BannerTitle();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var success = Type == "success";
        var title = ((BannerTitle)context.Items[typeof(NotificationBannerTagHelper)]).Content
            ?? new HtmlString(success ? "Success" : "Important");
        GovUkHtml.Become(output, "div", success ? "govuk-notification-banner govuk-notification-banner--success" : "govuk-notification-banner");
        output.Attributes.SetAttribute("role", Role ?? (success ? "alert" : "region"));
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");

        var heading = GovUkHtml.Element($"h{GovUkHtml.Number(TitleHeadingLevel)}", "govuk-notification-banner__title", title);
        heading.Attributes["id"] = TitleId;
        output.Content.Clear();
        output.Content.AppendHtml(GovUkHtml.Element("div", "govuk-notification-banner__header", heading));
        output.Content.AppendHtml(GovUkHtml.Element("div", "govuk-notification-banner__content", content));
    }

    private sealed class BannerTitle
    {
        public IHtmlContent? Content { get; set; }
    }

    /// <summary>The title of <c>&lt;govuk-notification-banner&gt;</c>.</summary>
    [HtmlTargetElement("govuk-notification-banner-title", ParentTag = "govuk-notification-banner")]
    public sealed class NotificationBannerTitleTagHelper : TagHelper
    {
        public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
        {
            ((BannerTitle)context.Items[typeof(NotificationBannerTagHelper)]).Content = new HtmlString((await output.GetChildContentAsync()).GetContent());
            output.SuppressOutput();
        }
    }
}

/// <summary>A GOV.UK back link: <c>&lt;govuk-back-link href="/previous" /&gt;</c>; its content defaults to "Back".</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class BackLinkTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        GovUkHtml.Become(output, "a", "govuk-back-link");
        output.Attributes.SetAttribute("href", Href);
        output.Content.SetHtmlContent(content.IsEmptyOrWhiteSpace ? new HtmlString("Back") : content);
    }
}

/// <summary>The GOV.UK skip link: <c>&lt;govuk-skip-link href="#main-content" /&gt;</c>; content defaults to "Skip to main content".</summary>
[HtmlTargetElement("govuk-skip-link")]
public sealed class SkipLinkTagHelper : TagHelper
{
    public string Href { get; set; } = "#content";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        GovUkHtml.Become(output, "a", "govuk-skip-link");
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("data-module", "govuk-skip-link");
        output.Content.SetHtmlContent(content.IsEmptyOrWhiteSpace ? new HtmlString("Skip to main content") : content);
    }
}
