using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// What every GOV.UK form component shares: the bound property (<c>for</c>), its name and id,
/// and the ModelState error that decides the error styling.
/// </summary>
public abstract class FormComponentTagHelper : TagHelper
{
    /// <summary>The page model property this field binds to.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Overrides the id, which is otherwise the field name.</summary>
    public string? Id { get; set; }

    /// <summary>Overrides the name, which is otherwise the full name of <c>for</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Extra classes for the outer <c>govuk-form-group</c>.</summary>
    public string? FormGroupClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string FieldName => Name ?? GovUkForm.FullName(ViewContext, For);

    protected string FieldId => Id ?? FieldName;

    public override void Init(TagHelperContext context) => context.Items[typeof(FormFieldParts)] = new FormFieldParts();

    /// <summary>Runs the child elements, which fill in the label, hint, legend and so on.</summary>
    protected static async Task<FormFieldParts> ReadPartsAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        return GovUkForm.Parts(context);
    }

    protected TagBuilder FormGroup(bool hasError)
    {
        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");
        if (hasError)
        {
            group.AddCssClass("govuk-form-group--error");
        }
        if (FormGroupClass is not null)
        {
            group.AddCssClass(FormGroupClass);
        }
        return group;
    }
}

/// <summary>
/// A GOV.UK text input: <c>&lt;govuk-input for="Email" type="email"&gt;</c> with
/// <c>&lt;govuk-input-label&gt;</c>, optional <c>&lt;govuk-input-hint&gt;</c>, <c>&lt;govuk-input-prefix&gt;</c>
/// and <c>&lt;govuk-input-suffix&gt;</c>. The error message comes from ModelState. Other attributes,
/// including <c>class</c>, go on the <c>input</c>.
/// </summary>
[HtmlTargetElement("govuk-input", Attributes = "for")]
public sealed class InputTagHelper : FormComponentTagHelper
{
    /// <summary>The input type: text (the default), email, number, password, tel and so on.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Overrides the value, which is otherwise what was posted or the model's value.</summary>
    public string? Value { get; set; }

    public bool Disabled { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public string? Pattern { get; set; }

    public bool? Spellcheck { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = await ReadPartsAsync(context, output);
        var id = FieldId;
        var error = GovUkForm.ErrorContent(parts, GovUkForm.ErrorFor(ViewContext, FieldName));

        var group = FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovUkForm.Label(id, parts));
        string? hintId = null;
        string? errorId = null;
        if (parts.Hint is not null)
        {
            hintId = id + "-hint";
            group.InnerHtml.AppendHtml(GovUkForm.Hint(hintId, parts.Hint));
        }
        if (error is not null)
        {
            errorId = id + "-error";
            group.InnerHtml.AppendHtml(GovUkForm.ErrorMessage(errorId, error));
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (error is not null)
        {
            input.AddCssClass("govuk-input--error");
        }
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        var value = Value ?? (Type == "password" ? null : GovUkForm.CurrentValue(ViewContext, FieldName, For.Model));
        if (value is not null)
        {
            input.Attributes["value"] = value;
        }
        if (Spellcheck is { } spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }
        SetIfPresent(input, "autocomplete", Autocomplete);
        SetIfPresent(input, "inputmode", Inputmode);
        SetIfPresent(input, "pattern", Pattern);
        if (Disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }
        SetIfPresent(input, "aria-describedby", GovUkForm.Join(hintId, errorId));
        GovUkForm.CopyUnboundAttributes(output, input);

        if (parts.Prefix is null && parts.Suffix is null)
        {
            group.InnerHtml.AppendHtml(input);
        }
        else
        {
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("govuk-input__wrapper");
            AppendAffix(wrapper, "govuk-input__prefix", parts.Prefix);
            wrapper.InnerHtml.AppendHtml(input);
            AppendAffix(wrapper, "govuk-input__suffix", parts.Suffix);
            group.InnerHtml.AppendHtml(wrapper);
        }
        GovUkForm.ReplaceWith(output, group);
    }

    private static void AppendAffix(TagBuilder wrapper, string cssClass, IHtmlContent? content)
    {
        if (content is null)
        {
            return;
        }
        var div = new TagBuilder("div");
        div.AddCssClass(cssClass);
        div.Attributes["aria-hidden"] = "true";
        div.InnerHtml.AppendHtml(content);
        wrapper.InnerHtml.AppendHtml(div);
    }

    internal static void SetIfPresent(TagBuilder tag, string name, string? value)
    {
        if (value is not null)
        {
            tag.Attributes[name] = value;
        }
    }
}

/// <summary>
/// A GOV.UK textarea: <c>&lt;govuk-textarea for="Reason" rows="5"&gt;</c> with <c>&lt;govuk-textarea-label&gt;</c>
/// and optional <c>&lt;govuk-textarea-hint&gt;</c>. The error message comes from ModelState.
/// </summary>
[HtmlTargetElement("govuk-textarea", Attributes = "for")]
public sealed class TextareaTagHelper : FormComponentTagHelper
{
    public int Rows { get; set; } = 5;

    /// <summary>Overrides the value, which is otherwise what was posted or the model's value.</summary>
    public string? Value { get; set; }

    public bool Disabled { get; set; }

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = await ReadPartsAsync(context, output);
        var id = FieldId;
        var error = GovUkForm.ErrorContent(parts, GovUkForm.ErrorFor(ViewContext, FieldName));

        var group = FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovUkForm.Label(id, parts));
        string? hintId = null;
        string? errorId = null;
        if (parts.Hint is not null)
        {
            hintId = id + "-hint";
            group.InnerHtml.AppendHtml(GovUkForm.Hint(hintId, parts.Hint));
        }
        if (error is not null)
        {
            errorId = id + "-error";
            group.InnerHtml.AppendHtml(GovUkForm.ErrorMessage(errorId, error));
        }

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass("govuk-textarea");
        if (error is not null)
        {
            textarea.AddCssClass("govuk-textarea--error");
        }
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
        if (Spellcheck is { } spellcheck)
        {
            textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }
        InputTagHelper.SetIfPresent(textarea, "autocomplete", Autocomplete);
        if (Disabled)
        {
            textarea.Attributes["disabled"] = "disabled";
        }
        InputTagHelper.SetIfPresent(textarea, "aria-describedby", GovUkForm.Join(hintId, errorId));
        GovUkForm.CopyUnboundAttributes(output, textarea);
        // A textarea drops one leading newline, so keep a value that starts with one intact.
        var value = Value ?? GovUkForm.CurrentValue(ViewContext, FieldName, For.Model);
        if (!string.IsNullOrEmpty(value))
        {
            textarea.InnerHtml.Append(value.StartsWith('\n') ? "\n" + value : value);
        }
        group.InnerHtml.AppendHtml(textarea);
        GovUkForm.ReplaceWith(output, group);
    }
}
