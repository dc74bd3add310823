using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// The label of an input or textarea: <c>&lt;govuk-input-label is-page-heading="true" class="govuk-label--l"&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-input-label", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-label", ParentTag = "govuk-textarea")]
public sealed class FormLabelTagHelper : TagHelper
{
    /// <summary>Wraps the label in an <c>h1</c>, for a page with one question.</summary>
    public bool IsPageHeading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = GovUkForm.Parts(context);
        parts.Label = new HtmlString((await output.GetChildContentAsync()).GetContent());
        parts.LabelIsPageHeading = IsPageHeading;
        parts.LabelClass = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
        output.SuppressOutput();
    }
}

/// <summary>The hint of a form component, such as <c>&lt;govuk-input-hint&gt;</c> or <c>&lt;govuk-radios-hint&gt;</c>.</summary>
[HtmlTargetElement("govuk-input-hint", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-hint", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-radios-hint", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-hint", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-date-input-hint", ParentTag = "govuk-date-input")]
public sealed class FormHintTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        GovUkForm.Parts(context).Hint = new HtmlString((await output.GetChildContentAsync()).GetContent());
        output.SuppressOutput();
    }
}

/// <summary>
/// An explicit error message, used instead of the ModelState error for the field,
/// such as <c>&lt;govuk-input-error-message&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-input-error-message", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-textarea-error-message", ParentTag = "govuk-textarea")]
[HtmlTargetElement("govuk-radios-error-message", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-error-message", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-date-input-error-message", ParentTag = "govuk-date-input")]
public sealed class FormErrorMessageTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        GovUkForm.Parts(context).ErrorMessage = new HtmlString((await output.GetChildContentAsync()).GetContent());
        output.SuppressOutput();
    }
}

/// <summary>The prefix or suffix of an input, such as <c>&lt;govuk-input-prefix&gt;£&lt;/govuk-input-prefix&gt;</c>.</summary>
[HtmlTargetElement("govuk-input-prefix", ParentTag = "govuk-input")]
[HtmlTargetElement("govuk-input-suffix", ParentTag = "govuk-input")]
public sealed class FormInputAffixTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var parts = GovUkForm.Parts(context);
        if (context.TagName == "govuk-input-prefix")
        {
            parts.Prefix = content;
        }
        else
        {
            parts.Suffix = content;
        }
        output.SuppressOutput();
    }
}

/// <summary>
/// The legend of a radios, checkboxes or date input fieldset, such as
/// <c>&lt;govuk-radios-fieldset-legend is-page-heading="true" class="govuk-fieldset__legend--l"&gt;</c>.
/// Without a legend the component renders no fieldset.
/// </summary>
[HtmlTargetElement("govuk-radios-fieldset-legend", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-fieldset-legend", ParentTag = "govuk-checkboxes")]
[HtmlTargetElement("govuk-date-input-fieldset-legend", ParentTag = "govuk-date-input")]
public sealed class FieldsetLegendTagHelper : TagHelper
{
    /// <summary>Wraps the legend text in an <c>h1</c>, for a page with one question.</summary>
    public bool IsPageHeading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var cssClass = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
        GovUkForm.Parts(context).Legend = new FieldsetLegend(content, IsPageHeading, cssClass);
        output.SuppressOutput();
    }
}
