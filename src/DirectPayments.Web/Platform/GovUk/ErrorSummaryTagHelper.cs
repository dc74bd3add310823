using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>Lets the layout say "Error: " in the page title when the form has errors.</summary>
public static class ViewContextErrorExtensions
{
    /// <summary>True when ModelState holds any error.</summary>
    public static bool HasErrors(this ViewContext viewContext)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        return viewContext.ViewData.ModelState.ErrorCount > 0;
    }

    /// <summary>"Error: " when ModelState holds any error, else "": <c>&lt;title&gt;@ViewContext.ErrorTitlePrefix()@ViewData["Title"]&lt;/title&gt;</c>.</summary>
    public static string ErrorTitlePrefix(this ViewContext viewContext) => viewContext.HasErrors() ? "Error: " : "";
}

/// <summary>
/// The GOV.UK error summary: <c>&lt;govuk-error-summary /&gt;</c> lists every ModelState error, each linking to its
/// field (a date links to its first part at fault, such as <c>#DateOfBirth.Day</c>), and renders nothing when there
/// are none. Optional children: <c>&lt;govuk-error-summary-title&gt;</c> (default "There is a problem"),
/// <c>&lt;govuk-error-summary-description&gt;</c> and extra <c>&lt;govuk-error-summary-item href="#id"&gt;</c> entries
/// for errors that are not in ModelState.
/// </summary>
[HtmlTargetElement("govuk-error-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Set to false to stop the summary taking focus when the page loads (needs JavaScript).</summary>
    public bool? DisableAutoFocus { get; set; }

    public override void Init(TagHelperContext context) => context.Items[typeof(ErrorSummaryParts)] = new ErrorSummaryParts();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var parts = (ErrorSummaryParts)context.Items[typeof(ErrorSummaryParts)];
        var errors = ModelStateErrors(ViewContext.ViewData).Concat(parts.Items).ToList();
        if (errors.Count == 0 && parts.Description is null)
        {
            output.SuppressOutput();
            return;
        }

        var summary = new TagBuilder("div");
        summary.AddCssClass("govuk-error-summary");
        if (DisableAutoFocus is { } disable)
        {
            summary.Attributes["data-disable-auto-focus"] = disable ? "true" : "false";
        }
        summary.Attributes["data-module"] = "govuk-error-summary";
        GovUkForm.CopyUnboundAttributes(output, summary);

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.AppendHtml(parts.Title ?? new HtmlString("There is a problem"));
        alert.InnerHtml.AppendHtml(title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        if (parts.Description is not null)
        {
            var description = new TagBuilder("p");
            description.InnerHtml.AppendHtml(parts.Description);
            body.InnerHtml.AppendHtml(description);
        }
        if (errors.Count > 0)
        {
            var list = new TagBuilder("ul");
            list.AddCssClass("govuk-list");
            list.AddCssClass("govuk-error-summary__list");
            foreach (var (href, content) in errors)
            {
                var li = new TagBuilder("li");
                if (href is null)
                {
                    li.InnerHtml.AppendHtml(content);
                }
                else
                {
                    var a = new TagBuilder("a");
                    a.Attributes["href"] = href;
                    a.InnerHtml.AppendHtml(content);
                    li.InnerHtml.AppendHtml(a);
                }
                list.InnerHtml.AppendHtml(li);
            }
            body.InnerHtml.AppendHtml(list);
        }
        alert.InnerHtml.AppendHtml(body);
        summary.InnerHtml.AppendHtml(alert);
        GovUkForm.ReplaceWith(output, summary);
    }

    /// <summary>
    /// ModelState keeps its keys sorted, not in page order, so errors follow the order in which the page model
    /// declares its properties (which is usually the order of the questions), then any others.
    /// </summary>
    private static IEnumerable<(string? Href, IHtmlContent Content)> ModelStateErrors(ViewDataDictionary viewData)
    {
        var modelState = viewData.ModelState;
        var propertyOrder = ((IEnumerable<ModelMetadata>?)viewData.ModelMetadata?.Properties ?? [])
            .Select((property, index) => (property.PropertyName, index))
            .Where(p => p.PropertyName is not null)
            .DistinctBy(p => p.PropertyName)
            .ToDictionary(p => p.PropertyName!, p => p.index, StringComparer.Ordinal);
        var ordered = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, e.Value!.Errors))
            .OrderBy(e => propertyOrder.TryGetValue(e.Key.Split('.', '[')[0], out var index) ? index : int.MaxValue);
        foreach (var (key, errors) in ordered)
        {
            foreach (var error in errors)
            {
                yield return ("#" + LinkTarget(modelState, key), new StringHtmlContent(error.ErrorMessage));
            }
        }
    }

    /// <summary>A date's error links to its first part at fault, or to its day field.</summary>
    private static string LinkTarget(ModelStateDictionary modelState, string key)
    {
        var dateParts = DateInputTagHelper.DateParts.Select(p => $"{key}.{p.Suffix}").ToList();
        if (!dateParts.Any(modelState.ContainsKey))
        {
            return key;
        }
        return dateParts.FirstOrDefault(p => modelState.TryGetValue(p, out var e) && e.Errors.Count > 0) ?? dateParts[0];
    }
}

/// <summary>What the error summary's children hand to it.</summary>
public sealed class ErrorSummaryParts
{
    public IHtmlContent? Title { get; set; }
    public IHtmlContent? Description { get; set; }
    public List<(string? Href, IHtmlContent Content)> Items { get; } = [];
}

/// <summary>The error summary's title, description or an extra item (with an optional <c>href</c>).</summary>
[HtmlTargetElement("govuk-error-summary-title", ParentTag = "govuk-error-summary")]
[HtmlTargetElement("govuk-error-summary-description", ParentTag = "govuk-error-summary")]
[HtmlTargetElement("govuk-error-summary-item", ParentTag = "govuk-error-summary")]
public sealed class ErrorSummaryChildTagHelper : TagHelper
{
    /// <summary>For an item: the id of the field it links to, as "#id".</summary>
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var parts = (ErrorSummaryParts)context.Items[typeof(ErrorSummaryParts)];
        switch (context.TagName)
        {
            case "govuk-error-summary-title":
                parts.Title = content;
                break;
            case "govuk-error-summary-description":
                parts.Description = content;
                break;
            default:
                parts.Items.Add((Href, (IHtmlContent)content));
                break;
        }
        output.SuppressOutput();
    }
}

/// <summary>
/// A standalone GOV.UK error message, for errors not tied to a form component:
/// <c>&lt;govuk-error-message&gt;Select a file&lt;/govuk-error-message&gt;</c>. Set <c>visually-hidden-text=""</c>
/// to drop the hidden "Error:" prefix.
/// </summary>
[HtmlTargetElement("govuk-error-message")]
public sealed class ErrorMessageTagHelper : TagHelper
{
    public string VisuallyHiddenText { get; set; } = "Error";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var p = GovUkForm.ErrorMessage(null, content, VisuallyHiddenText);
        GovUkForm.CopyUnboundAttributes(output, p);
        GovUkForm.ReplaceWith(output, p);
    }
}
