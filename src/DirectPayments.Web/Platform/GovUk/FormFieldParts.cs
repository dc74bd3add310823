using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// The label, legend, hint and error message that child tag helpers hand to their form component
/// through <see cref="TagHelperContext.Items"/>.
/// </summary>
public sealed class FormFieldParts
{
    public IHtmlContent? Label { get; set; }
    public bool LabelIsPageHeading { get; set; }
    public string? LabelClass { get; set; }
    public IHtmlContent? Hint { get; set; }
    public IHtmlContent? ErrorMessage { get; set; }
    public IHtmlContent? Prefix { get; set; }
    public IHtmlContent? Suffix { get; set; }
    public FieldsetLegend? Legend { get; set; }
}

/// <summary>Shared rendering and ModelState helpers for the GOV.UK form components.</summary>
public static class GovUkForm
{
    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static string FullName(ViewContext viewContext, ModelExpression expression) =>
        viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);

    /// <summary>The first ModelState error for a field, or null.</summary>
    public static string? ErrorFor(ViewContext viewContext, string fullName) =>
        viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>The value to show in a field: what was posted, else the model's value.</summary>
    public static string? CurrentValue(ViewContext viewContext, string fullName, object? model)
    {
        if (viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }
        return model switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => model.ToString(),
        };
    }

    /// <summary>Every value currently chosen, for checkboxes bound to a collection.</summary>
    public static IReadOnlySet<string> CurrentValues(ViewContext viewContext, string fullName, object? model)
    {
        if (viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => many.ToHashSet(StringComparer.Ordinal),
                var one => new HashSet<string>([Convert.ToString(one, CultureInfo.InvariantCulture) ?? ""], StringComparer.Ordinal),
            };
        }
        return model switch
        {
            null => new HashSet<string>(StringComparer.Ordinal),
            string s => new HashSet<string>([s], StringComparer.Ordinal),
            System.Collections.IEnumerable many => many.Cast<object?>()
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")
                .ToHashSet(StringComparer.Ordinal),
            _ => new HashSet<string>([Convert.ToString(model, CultureInfo.InvariantCulture) ?? ""], StringComparer.Ordinal),
        };
    }

    /// <summary>The error message, from an explicit child element or else from ModelState.</summary>
    public static IHtmlContent? ErrorContent(FormFieldParts parts, string? modelStateError) =>
        parts.ErrorMessage ?? (modelStateError is null ? null : new StringHtmlContent(modelStateError));

    public static TagBuilder Hint(string id, IHtmlContent content, string? extraClass = null)
    {
        var hint = new TagBuilder("div");
        hint.Attributes["id"] = id;
        hint.AddCssClass("govuk-hint");
        if (extraClass is not null)
        {
            hint.AddCssClass(extraClass);
        }
        hint.InnerHtml.AppendHtml(content);
        return hint;
    }

    public static TagBuilder ErrorMessage(string? id, IHtmlContent content, string visuallyHiddenText = "Error")
    {
        var p = new TagBuilder("p");
        if (id is not null)
        {
            p.Attributes["id"] = id;
        }
        p.AddCssClass("govuk-error-message");
        if (!string.IsNullOrEmpty(visuallyHiddenText))
        {
            var hidden = new TagBuilder("span");
            hidden.AddCssClass("govuk-visually-hidden");
            hidden.InnerHtml.Append(visuallyHiddenText + ":");
            p.InnerHtml.AppendHtml(hidden).Append(" ");
        }
        p.InnerHtml.AppendHtml(content);
        return p;
    }

    public static IHtmlContent Label(string forId, FormFieldParts parts, string? extraClass = null)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        if (extraClass is not null)
        {
            label.AddCssClass(extraClass);
        }
        if (parts.LabelClass is not null)
        {
            label.AddCssClass(parts.LabelClass);
        }
        label.Attributes["for"] = forId;
        label.InnerHtml.AppendHtml(parts.Label ?? HtmlString.Empty);
        if (!parts.LabelIsPageHeading)
        {
            return label;
        }
        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    /// <summary>A fieldset with its legend around the given content, as radios, checkboxes and dates use.</summary>
    public static TagBuilder Fieldset(FieldsetLegend legend, string? describedBy, bool roleGroup, IHtmlContent inner)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (roleGroup)
        {
            fieldset.Attributes["role"] = "group";
        }
        if (!string.IsNullOrEmpty(describedBy))
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }
        var legendTag = new TagBuilder("legend");
        legendTag.AddCssClass("govuk-fieldset__legend");
        if (legend.Class is not null)
        {
            legendTag.AddCssClass(legend.Class);
        }
        if (legend.IsPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.AppendHtml(legend.Content);
            legendTag.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendTag.InnerHtml.AppendHtml(legend.Content);
        }
        fieldset.InnerHtml.AppendHtml(legendTag).AppendHtml(inner);
        return fieldset;
    }

    public static string? Join(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(i => !string.IsNullOrEmpty(i)));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Copies the attributes a page author put on the element (other than class) to the rendered element.</summary>
    public static void CopyUnboundAttributes(TagHelperOutput output, TagBuilder target)
    {
        foreach (var attribute in output.Attributes)
        {
            var value = attribute.Value switch
            {
                null => "",
                IHtmlContent html => System.Net.WebUtility.HtmlDecode(ToHtml(html)),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
            };
            if (attribute.Name == "class")
            {
                target.AddCssClass(value);
            }
            else
            {
                target.MergeAttribute(attribute.Name, value, replaceExisting: true);
            }
        }
    }

    /// <summary>Replaces the tag helper's own element with the given HTML.</summary>
    public static void ReplaceWith(TagHelperOutput output, IHtmlContent html)
    {
        output.TagName = null;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(html);
    }

    public static FormFieldParts Parts(TagHelperContext context) =>
        context.Items.TryGetValue(typeof(FormFieldParts), out var parts) && parts is FormFieldParts p
            ? p
            : throw new InvalidOperationException($"<{context.TagName}> must be inside a GOV.UK form component.");
}

/// <summary>A fieldset legend given by a child element.</summary>
public sealed record FieldsetLegend(IHtmlContent Content, bool IsPageHeading, string? Class);
