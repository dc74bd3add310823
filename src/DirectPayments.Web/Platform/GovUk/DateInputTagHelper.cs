using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// A GOV.UK date input bound to a <see cref="DateOnly"/> property: <c>&lt;govuk-date-input for="DateOfBirth"&gt;</c>
/// with <c>&lt;govuk-date-input-fieldset-legend&gt;</c> and an optional <c>&lt;govuk-date-input-hint&gt;</c>.
/// The three fields are named <c>DateOfBirth.Day</c>, <c>.Month</c> and <c>.Year</c> (with the same ids), which
/// <see cref="DateOnlyModelBinder"/> reads back. Errors on the property or on one part (for example
/// <c>DateOfBirth.Month</c>) show at the field; only the parts at fault are highlighted.
/// </summary>
[HtmlTargetElement("govuk-date-input", Attributes = "for")]
public sealed class DateInputTagHelper : FormComponentTagHelper
{
    /// <summary>The parts of a date, in the order they are shown, with their labels and widths.</summary>
    public static readonly IReadOnlyList<(string Suffix, string Label, string WidthClass)> DateParts =
    [
        ("Day", "Day", "govuk-input--width-2"),
        ("Month", "Month", "govuk-input--width-2"),
        ("Year", "Year", "govuk-input--width-4"),
    ];

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = await ReadPartsAsync(context, output);
        var name = FieldName;
        var id = FieldId;
        var partErrors = DateParts.Select(p => GovUkForm.ErrorFor(ViewContext, $"{name}.{p.Suffix}")).ToList();
        var wholeError = GovUkForm.ErrorFor(ViewContext, name);
        var error = GovUkForm.ErrorContent(parts, wholeError ?? partErrors.FirstOrDefault(e => e is not null));
        var highlightAll = error is not null && partErrors.All(e => e is null);

        var inner = new HtmlContentBuilder();
        string? hintId = null;
        string? errorId = null;
        if (parts.Hint is not null)
        {
            hintId = id + "-hint";
            inner.AppendHtml(GovUkForm.Hint(hintId, parts.Hint));
        }
        if (error is not null)
        {
            errorId = id + "-error";
            inner.AppendHtml(GovUkForm.ErrorMessage(errorId, error));
        }

        var date = new TagBuilder("div");
        date.AddCssClass("govuk-date-input");
        date.Attributes["id"] = id;
        GovUkForm.CopyUnboundAttributes(output, date);
        var model = For.Model as DateOnly?;
        for (var i = 0; i < DateParts.Count; i++)
        {
            var (suffix, label, width) = DateParts[i];
            var modelPart = model is { } d ? (suffix switch { "Day" => d.Day, "Month" => d.Month, _ => d.Year }) : (int?)null;
            date.InnerHtml.AppendHtml(RenderPart(
                $"{id}.{suffix}",
                $"{name}.{suffix}",
                label,
                width,
                GovUkForm.CurrentValue(ViewContext, $"{name}.{suffix}", modelPart),
                highlightAll || partErrors[i] is not null));
        }
        inner.AppendHtml(date);

        var group = FormGroup(error is not null);
        group.InnerHtml.AppendHtml(parts.Legend is { } legend
            ? GovUkForm.Fieldset(legend, GovUkForm.Join(hintId, errorId), roleGroup: true, inner)
            : inner);
        GovUkForm.ReplaceWith(output, group);
    }

    private static TagBuilder RenderPart(string id, string name, string label, string widthClass, string? value, bool hasError)
    {
        var item = new TagBuilder("div");
        item.AddCssClass("govuk-date-input__item");
        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");

        var labelTag = new TagBuilder("label");
        labelTag.AddCssClass("govuk-label");
        labelTag.AddCssClass("govuk-date-input__label");
        labelTag.Attributes["for"] = id;
        labelTag.InnerHtml.Append(label);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        input.AddCssClass("govuk-date-input__input");
        if (hasError)
        {
            input.AddCssClass("govuk-input--error");
        }
        input.AddCssClass(widthClass);
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = "text";
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }
        input.Attributes["inputmode"] = "numeric";

        group.InnerHtml.AppendHtml(labelTag).AppendHtml(input);
        item.InnerHtml.AppendHtml(group);
        return item;
    }
}
