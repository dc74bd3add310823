using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination&gt;</c> with optional <c>&lt;govuk-pagination-previous href&gt;</c>,
/// numbered <c>&lt;govuk-pagination-item href current="true"&gt;2&lt;/...&gt;</c>,
/// <c>&lt;govuk-pagination-ellipsis /&gt;</c> and <c>&lt;govuk-pagination-next href&gt;</c>. Previous and next
/// read "Previous page" and "Next page" unless given content. Without numbered items it renders the block style.
/// </summary>
[HtmlTargetElement("govuk-pagination")]
public sealed class PaginationTagHelper : TagHelper
{
    private const string PreviousIcon = """<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>""";
    private const string NextIcon = """<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>""";

    public string LandmarkLabel { get; set; } = "Pagination";

    public override void Init(TagHelperContext context) => context.Items[typeof(PaginationParts)] = new PaginationParts();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var parts = (PaginationParts)context.Items[typeof(PaginationParts)];
        var block = parts.Items.Count == 0;
        GovUkHtml.Become(output, "nav", block ? "govuk-pagination govuk-pagination--block" : "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", LandmarkLabel);
        output.Content.Clear();
        if (parts.Previous is { } previous)
        {
            output.Content.AppendHtml(Link("prev", previous.Href, previous.Text ?? "Previous", block, PreviousIcon));
        }
        if (!block)
        {
            var list = GovUkHtml.Element("ul", "govuk-pagination__list");
            foreach (var item in parts.Items)
            {
                list.InnerHtml.AppendHtml(item);
            }
            output.Content.AppendHtml(list);
        }
        if (parts.Next is { } next)
        {
            output.Content.AppendHtml(Link("next", next.Href, next.Text ?? "Next", block, NextIcon));
        }
    }

    private static TagBuilder Link(string direction, string href, string text, bool block, string icon)
    {
        var title = GovUkHtml.Element("span", block ? "govuk-pagination__link-title govuk-pagination__link-title--decorated" : "govuk-pagination__link-title");
        title.InnerHtml.Append(text);
        var hidden = GovUkHtml.Element("span", "govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");
        title.InnerHtml.AppendHtml(hidden);

        var link = GovUkHtml.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = href;
        link.Attributes["rel"] = direction;
        // GOV.UK puts the next arrow after the text, except in the block style.
        if (direction == "prev" || block)
        {
            link.InnerHtml.AppendHtml(icon).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(icon);
        }
        return GovUkHtml.Element("div", $"govuk-pagination__{direction}", link);
    }
}

/// <summary>What the pagination's children hand to it.</summary>
public sealed class PaginationParts
{
    public (string Href, string? Text)? Previous { get; set; }
    public (string Href, string? Text)? Next { get; set; }
    public List<IHtmlContent> Items { get; } = [];
}

/// <summary>The previous or next link, or a numbered page, of <c>&lt;govuk-pagination&gt;</c>.</summary>
[HtmlTargetElement("govuk-pagination-previous", ParentTag = "govuk-pagination")]
[HtmlTargetElement("govuk-pagination-next", ParentTag = "govuk-pagination")]
[HtmlTargetElement("govuk-pagination-item", ParentTag = "govuk-pagination")]
[HtmlTargetElement("govuk-pagination-ellipsis", ParentTag = "govuk-pagination")]
public sealed class PaginationChildTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    /// <summary>For a numbered page: this is the page being shown.</summary>
    public bool Current { get; set; }

    /// <summary>For a numbered page: what a screen reader says; "Page n" unless set.</summary>
    public string? VisuallyHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var text = content.IsEmptyOrWhiteSpace ? null : content.GetContent().Trim();
        var parts = (PaginationParts)context.Items[typeof(PaginationParts)];
        output.SuppressOutput();
        switch (context.TagName)
        {
            case "govuk-pagination-previous":
                parts.Previous = (Href, text is null ? null : System.Net.WebUtility.HtmlDecode(text));
                return;
            case "govuk-pagination-next":
                parts.Next = (Href, text is null ? null : System.Net.WebUtility.HtmlDecode(text));
                return;
            case "govuk-pagination-ellipsis":
                var ellipsis = GovUkHtml.Element("li", "govuk-pagination__item govuk-pagination__item--ellipsis");
                ellipsis.InnerHtml.AppendHtml("&ctdot;");
                parts.Items.Add(ellipsis);
                return;
            default:
                var link = GovUkHtml.Element("a", "govuk-link govuk-pagination__link", new HtmlString(text ?? ""));
                link.Attributes["href"] = Href;
                link.Attributes["aria-label"] = VisuallyHiddenText ?? $"Page {System.Net.WebUtility.HtmlDecode(text)}";
                if (Current)
                {
                    link.Attributes["aria-current"] = "page";
                }
                var item = GovUkHtml.Element("li", Current ? "govuk-pagination__item govuk-pagination__item--current" : "govuk-pagination__item", link);
                parts.Items.Add(item);
                return;
        }
    }
}

/// <summary>
/// The page header, in govuk-frontend's generic header markup (no crown, as this is not a GOV.UK service):
/// <c>&lt;govuk-header service-name="Direct payments" href="/" /&gt;</c>, where the service name is the council's.
/// </summary>
[HtmlTargetElement("govuk-header")]
public sealed class HeaderTagHelper : TagHelper
{
    public string ServiceName { get; set; } = "";

    public string Href { get; set; } = "/";

    /// <summary>Extra classes for the width container, such as <c>govuk-header__container--full-width</c>.</summary>
    public string? ContainerClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        GovUkHtml.Become(output, "div", "govuk-generic-header");
        var link = GovUkHtml.Element("a", "govuk-generic-header__homepage-link");
        link.Attributes["href"] = Href;
        link.InnerHtml.Append(ServiceName);
        var container = GovUkHtml.Element("div", "govuk-generic-header__container govuk-width-container",
            GovUkHtml.Element("div", "govuk-generic-header__logo", link));
        if (ContainerClass is not null)
        {
            container.AddCssClass(ContainerClass);
        }
        output.Content.SetHtmlContent(container);
    }
}

/// <summary>
/// The page footer (no crown and no Open Government Licence text, as this is not a GOV.UK service):
/// <c>&lt;govuk-footer&gt;</c> with <c>&lt;govuk-footer-meta-link href="/accessibility"&gt;Accessibility&lt;/...&gt;</c>
/// items, an optional <c>&lt;govuk-footer-meta-content&gt;</c> and an optional <c>copyright="© Example Council"</c>.
/// </summary>
[HtmlTargetElement("govuk-footer")]
public sealed class FooterTagHelper : TagHelper
{
    public string MetaLinksHeading { get; set; } = "Support links";

    public string? Copyright { get; set; }

    public override void Init(TagHelperContext context) => context.Items[typeof(FooterParts)] = new FooterParts();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var parts = (FooterParts)context.Items[typeof(FooterParts)];
        GovUkHtml.Become(output, "div", "govuk-footer");

        var grow = GovUkHtml.Element("div", "govuk-footer__meta-item govuk-footer__meta-item--grow");
        if (parts.Links.Count > 0)
        {
            var heading = GovUkHtml.Element("h2", "govuk-visually-hidden");
            heading.InnerHtml.Append(MetaLinksHeading);
            var list = GovUkHtml.Element("ul", "govuk-footer__inline-list");
            foreach (var link in parts.Links)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("li", "govuk-footer__inline-list-item", link));
            }
            grow.InnerHtml.AppendHtml(heading).AppendHtml(list);
        }
        if (parts.Content is not null)
        {
            grow.InnerHtml.AppendHtml(GovUkHtml.Element("div", "govuk-footer__meta-custom", parts.Content));
        }
        var meta = GovUkHtml.Element("div", "govuk-footer__meta", grow);
        if (Copyright is not null)
        {
            var copyright = GovUkHtml.Element("div", "govuk-footer__meta-item");
            copyright.InnerHtml.Append(Copyright);
            meta.InnerHtml.AppendHtml(copyright);
        }
        output.Content.SetHtmlContent(GovUkHtml.Element("div", "govuk-width-container", meta));
    }
}

/// <summary>What the footer's children hand to it.</summary>
public sealed class FooterParts
{
    public List<IHtmlContent> Links { get; } = [];
    public IHtmlContent? Content { get; set; }
}

/// <summary>A link in the footer's meta list, or the footer's free content.</summary>
[HtmlTargetElement("govuk-footer-meta-link", ParentTag = "govuk-footer")]
[HtmlTargetElement("govuk-footer-meta-content", ParentTag = "govuk-footer")]
public sealed class FooterChildTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var parts = (FooterParts)context.Items[typeof(FooterParts)];
        if (context.TagName == "govuk-footer-meta-content")
        {
            parts.Content = content;
        }
        else
        {
            var link = GovUkHtml.Element("a", "govuk-footer__link", content);
            link.Attributes["href"] = Href;
            GovUkForm.CopyUnboundAttributes(output, link);
            parts.Links.Add(link);
        }
        output.SuppressOutput();
    }
}

/// <summary>
/// GOV.UK service navigation, for the links a person's role allows:
/// <c>&lt;govuk-service-navigation service-name="..." service-url="/"&gt;</c> with
/// <c>&lt;govuk-service-navigation-item href="/people" current="true"&gt;People&lt;/...&gt;</c>.
/// Without JavaScript the menu shows open on small screens.
/// </summary>
[HtmlTargetElement("govuk-service-navigation")]
public sealed class ServiceNavigationTagHelper : TagHelper
{
    public string? ServiceName { get; set; }

    public string? ServiceUrl { get; set; }

    public string NavigationLabel { get; set; } = "Menu";

    public string NavigationId { get; set; } = "navigation";

    public override void Init(TagHelperContext context) => context.Items[typeof(ServiceNavigationTagHelper)] = new List<IHtmlContent>();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var items = (List<IHtmlContent>)context.Items[typeof(ServiceNavigationTagHelper)];
        GovUkHtml.Become(output, ServiceName is null ? "div" : "section", "govuk-service-navigation");
        if (ServiceName is not null)
        {
            output.Attributes.SetAttribute("aria-label", "Service information");
        }
        output.Attributes.SetAttribute("data-module", "govuk-service-navigation");

        var container = GovUkHtml.Element("div", "govuk-service-navigation__container");
        if (ServiceName is not null)
        {
            var name = GovUkHtml.Element("span", "govuk-service-navigation__service-name");
            if (ServiceUrl is null)
            {
                var text = GovUkHtml.Element("span", "govuk-service-navigation__text");
                text.InnerHtml.Append(ServiceName);
                name.InnerHtml.AppendHtml(text);
            }
            else
            {
                var link = GovUkHtml.Element("a", "govuk-service-navigation__link");
                link.Attributes["href"] = ServiceUrl;
                link.InnerHtml.Append(ServiceName);
                name.InnerHtml.AppendHtml(link);
            }
            container.InnerHtml.AppendHtml(name);
        }
        if (items.Count > 0)
        {
            var nav = GovUkHtml.Element("nav", "govuk-service-navigation__wrapper");
            nav.Attributes["aria-label"] = NavigationLabel;
            var toggle = GovUkHtml.Element("button", "govuk-service-navigation__toggle govuk-js-service-navigation-toggle");
            toggle.Attributes["type"] = "button";
            toggle.Attributes["aria-controls"] = NavigationId;
            toggle.Attributes["hidden"] = "hidden";
            toggle.Attributes["aria-hidden"] = "true";
            toggle.InnerHtml.Append(NavigationLabel);
            var list = GovUkHtml.Element("ul", "govuk-service-navigation__list");
            list.Attributes["id"] = NavigationId;
            foreach (var item in items)
            {
                list.InnerHtml.AppendHtml(item);
            }
            nav.InnerHtml.AppendHtml(toggle).AppendHtml(list);
            container.InnerHtml.AppendHtml(nav);
        }
        output.Content.SetHtmlContent(GovUkHtml.Element("div", "govuk-width-container", container));
    }
}

/// <summary>One link in <c>&lt;govuk-service-navigation&gt;</c>; <c>current</c> marks the page being shown.</summary>
[HtmlTargetElement("govuk-service-navigation-item", ParentTag = "govuk-service-navigation")]
public sealed class ServiceNavigationItemTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    public bool Current { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        IHtmlContent content = new HtmlString((await output.GetChildContentAsync()).GetContent().Trim());
        var link = GovUkHtml.Element("a", "govuk-service-navigation__link");
        link.Attributes["href"] = Href;
        if (Current)
        {
            link.Attributes["aria-current"] = "page";
            content = GovUkHtml.Element("strong", "govuk-service-navigation__active-fallback", content);
        }
        link.InnerHtml.AppendHtml(content);
        var item = GovUkHtml.Element("li", Current ? "govuk-service-navigation__item govuk-service-navigation__item--active" : "govuk-service-navigation__item", link);
        ((List<IHtmlContent>)context.Items[typeof(ServiceNavigationTagHelper)]).Add(item);
        output.SuppressOutput();
    }
}
