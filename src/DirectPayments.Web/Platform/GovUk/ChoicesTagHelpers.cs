using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>One radio or checkbox, or a divider between them, collected by its parent.</summary>
public sealed class ChoiceItem
{
    public string? Value { get; init; }
    public IHtmlContent? Label { get; set; }
    public IHtmlContent? Hint { get; set; }
    public bool? Checked { get; init; }
    public bool Disabled { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Behaviour { get; init; }
    public IHtmlContent? Divider { get; init; }
}

/// <summary>The items a radios or checkboxes component collects from its children.</summary>
public sealed class ChoiceItems : List<ChoiceItem>;

/// <summary>
/// Renders radios and checkboxes, which share their markup apart from the input type and class names.
/// </summary>
public abstract class ChoicesTagHelper(string kind, string inputType) : FormComponentTagHelper
{
    /// <summary>Overrides the prefix of item ids (and of the hint and error ids), which is otherwise the id.</summary>
    public string? IdPrefix { get; set; }

    public override void Init(TagHelperContext context)
    {
        base.Init(context);
        context.Items[typeof(ChoiceItems)] = new ChoiceItems();
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = await ReadPartsAsync(context, output);
        var items = (ChoiceItems)context.Items[typeof(ChoiceItems)];
        var prefix = IdPrefix ?? FieldId;
        var error = GovUkForm.ErrorContent(parts, GovUkForm.ErrorFor(ViewContext, FieldName));
        var chosen = GovUkForm.CurrentValues(ViewContext, FieldName, For.Model);

        var inner = new HtmlContentBuilder();
        string? hintId = null;
        string? errorId = null;
        if (parts.Hint is not null)
        {
            hintId = prefix + "-hint";
            inner.AppendHtml(GovUkForm.Hint(hintId, parts.Hint));
        }
        if (error is not null)
        {
            errorId = prefix + "-error";
            inner.AppendHtml(GovUkForm.ErrorMessage(errorId, error));
        }

        var list = new TagBuilder("div");
        list.AddCssClass($"govuk-{kind}");
        list.Attributes["data-module"] = $"govuk-{kind}";
        GovUkForm.CopyUnboundAttributes(output, list);
        for (var i = 0; i < items.Count; i++)
        {
            list.InnerHtml.AppendHtml(RenderItem(items[i], i, prefix, chosen));
        }
        inner.AppendHtml(list);

        var group = FormGroup(error is not null);
        group.InnerHtml.AppendHtml(parts.Legend is { } legend
            ? GovUkForm.Fieldset(legend, GovUkForm.Join(hintId, errorId), roleGroup: false, inner)
            : inner);
        GovUkForm.ReplaceWith(output, group);
    }

    private TagBuilder RenderItem(ChoiceItem item, int index, string prefix, IReadOnlySet<string> chosen)
    {
        if (item.Divider is not null)
        {
            var divider = new TagBuilder("div");
            divider.AddCssClass($"govuk-{kind}__divider");
            divider.InnerHtml.AppendHtml(item.Divider);
            return divider;
        }
        var id = item.Id ?? (index == 0 ? prefix : $"{prefix}-{(index + 1).ToString(CultureInfo.InvariantCulture)}");
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"govuk-{kind}__item");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass($"govuk-{kind}__input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = item.Name ?? FieldName;
        input.Attributes["type"] = inputType;
        input.Attributes["value"] = item.Value ?? "";
        if (item.Checked ?? (item.Value is not null && chosen.Contains(item.Value)))
        {
            input.Attributes["checked"] = "checked";
        }
        if (item.Disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }
        if (item.Behaviour is not null)
        {
            input.Attributes["data-behaviour"] = item.Behaviour;
        }
        var itemHintId = id + "-item-hint";
        if (item.Hint is not null)
        {
            input.Attributes["aria-describedby"] = itemHintId;
        }
        wrapper.InnerHtml.AppendHtml(input);

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        label.AddCssClass($"govuk-{kind}__label");
        label.Attributes["for"] = id;
        label.InnerHtml.AppendHtml(item.Label ?? HtmlString.Empty);
        wrapper.InnerHtml.AppendHtml(label);

        if (item.Hint is not null)
        {
            wrapper.InnerHtml.AppendHtml(GovUkForm.Hint(itemHintId, item.Hint, $"govuk-{kind}__hint"));
        }
        return wrapper;
    }
}

/// <summary>
/// GOV.UK radios: <c>&lt;govuk-radios for="PaymentMethod"&gt;</c> with an optional
/// <c>&lt;govuk-radios-fieldset-legend&gt;</c> and <c>&lt;govuk-radios-hint&gt;</c>, then
/// <c>&lt;govuk-radios-item value="bank"&gt;Bank transfer&lt;/govuk-radios-item&gt;</c> and
/// <c>&lt;govuk-radios-divider&gt;or&lt;/govuk-radios-divider&gt;</c>. The item whose value matches the
/// posted or model value is checked. Add <c>class="govuk-radios--inline"</c> or <c>govuk-radios--small</c> as needed.
/// </summary>
[HtmlTargetElement("govuk-radios", Attributes = "for")]
public sealed class RadiosTagHelper() : ChoicesTagHelper("radios", "radio");

/// <summary>
/// GOV.UK checkboxes: <c>&lt;govuk-checkboxes for="Needs"&gt;</c>, bound to a collection of strings or enums,
/// with children as for <see cref="RadiosTagHelper"/> (<c>govuk-checkboxes-item</c>, and so on).
/// <c>behaviour="exclusive"</c> on an item marks a "None of these" option.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", Attributes = "for")]
public sealed class CheckboxesTagHelper() : ChoicesTagHelper("checkboxes", "checkbox");

/// <summary>
/// One radio or checkbox. Its content is the label; an optional <c>&lt;govuk-radios-item-hint&gt;</c>
/// (or <c>govuk-checkboxes-item-hint</c>) child gives its hint. <c>checked</c> overrides the bound value.
/// </summary>
[HtmlTargetElement("govuk-radios-item", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-item", ParentTag = "govuk-checkboxes")]
public sealed class ChoiceItemTagHelper : TagHelper
{
    public string Value { get; set; } = "";

    public bool? Checked { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Overrides the generated id.</summary>
    public string? Id { get; set; }

    /// <summary>Overrides the field name (checkboxes only, rarely needed).</summary>
    public string? Name { get; set; }

    /// <summary>"exclusive" for a checkbox that unticks the others (needs JavaScript to do so).</summary>
    public string? Behaviour { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var item = new ChoiceItem
        {
            Value = Value,
            Checked = Checked,
            Disabled = Disabled,
            Id = Id,
            Name = Name,
            Behaviour = Behaviour,
        };
        context.Items[typeof(ChoiceItem)] = item;
        item.Label = new HtmlString((await output.GetChildContentAsync()).GetContent());
        ((ChoiceItems)context.Items[typeof(ChoiceItems)]).Add(item);
        output.SuppressOutput();
    }
}

/// <summary>The hint under one radio or checkbox.</summary>
[HtmlTargetElement("govuk-radios-item-hint", ParentTag = "govuk-radios-item")]
[HtmlTargetElement("govuk-checkboxes-item-hint", ParentTag = "govuk-checkboxes-item")]
public sealed class ChoiceItemHintTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((ChoiceItem)context.Items[typeof(ChoiceItem)]).Hint = new HtmlString((await output.GetChildContentAsync()).GetContent());
        output.SuppressOutput();
    }
}

/// <summary>A divider between items, such as "or".</summary>
[HtmlTargetElement("govuk-radios-divider", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-checkboxes-divider", ParentTag = "govuk-checkboxes")]
public sealed class ChoiceDividerTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var divider = new HtmlString((await output.GetChildContentAsync()).GetContent());
        ((ChoiceItems)context.Items[typeof(ChoiceItems)]).Add(new ChoiceItem { Divider = divider });
        output.SuppressOutput();
    }
}
