using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>
/// A GOV.UK summary list: <c>&lt;govuk-summary-list&gt;</c> of <c>&lt;govuk-summary-list-row&gt;</c>, each with
/// <c>&lt;govuk-summary-list-row-key&gt;</c>, <c>&lt;govuk-summary-list-row-value&gt;</c> and optional
/// <c>&lt;govuk-summary-list-row-actions&gt;</c> holding
/// <c>&lt;govuk-summary-list-row-action href="..." visually-hidden-text="name"&gt;Change&lt;/...&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    public override void Init(TagHelperContext context) => context.Items[typeof(SummaryListTagHelper)] = new List<SummaryListRow>();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var rows = (List<SummaryListRow>)context.Items[typeof(SummaryListTagHelper)];
        // When some rows have actions, GOV.UK marks the others so the columns still line up.
        var anyActions = rows.Any(r => r.Actions is not null);
        GovUkHtml.Become(output, "dl", "govuk-summary-list");
        output.Content.Clear();
        foreach (var row in rows)
        {
            var div = GovUkHtml.Element("div", "govuk-summary-list__row");
            if (row.Class is not null)
            {
                div.AddCssClass(row.Class);
            }
            if (anyActions && row.Actions is null)
            {
                div.AddCssClass("govuk-summary-list__row--no-actions");
            }
            div.InnerHtml.AppendHtml(row.Key ?? GovUkHtml.Element("dt", "govuk-summary-list__key"));
            div.InnerHtml.AppendHtml(row.Value ?? GovUkHtml.Element("dd", "govuk-summary-list__value"));
            if (row.Actions is not null)
            {
                div.InnerHtml.AppendHtml(row.Actions);
            }
            output.Content.AppendHtml(div);
        }
    }
}

/// <summary>One row of a summary list, filled in by its children.</summary>
public sealed class SummaryListRow
{
    public string? Class { get; init; }
    public IHtmlContent? Key { get; set; }
    public IHtmlContent? Value { get; set; }
    public IHtmlContent? Actions { get; set; }
}

/// <summary>The row, key and value of a summary list.</summary>
[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
[HtmlTargetElement("govuk-summary-list-row-key", ParentTag = "govuk-summary-list-row")]
[HtmlTargetElement("govuk-summary-list-row-value", ParentTag = "govuk-summary-list-row")]
public sealed class SummaryListRowTagHelper : TagHelper
{
    public override void Init(TagHelperContext context)
    {
        if (context.TagName == "govuk-summary-list-row")
        {
            var cssClass = context.AllAttributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
            context.Items[typeof(SummaryListRow)] = new SummaryListRow { Class = cssClass };
        }
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var row = (SummaryListRow)context.Items[typeof(SummaryListRow)];
        switch (context.TagName)
        {
            case "govuk-summary-list-row":
                ((List<SummaryListRow>)context.Items[typeof(SummaryListTagHelper)]).Add(row);
                break;
            case "govuk-summary-list-row-key":
                row.Key = Cell(output, "dt", "govuk-summary-list__key", content);
                break;
            default:
                row.Value = Cell(output, "dd", "govuk-summary-list__value", content);
                break;
        }
        output.SuppressOutput();
    }

    private static TagBuilder Cell(TagHelperOutput output, string tagName, string cssClass, IHtmlContent content)
    {
        var cell = GovUkHtml.Element(tagName, cssClass, content);
        GovUkForm.CopyUnboundAttributes(output, cell);
        return cell;
    }
}

/// <summary>The actions of a summary list row: one link on its own, several as a list.</summary>
[HtmlTargetElement("govuk-summary-list-row-actions", ParentTag = "govuk-summary-list-row")]
public sealed class SummaryListRowActionsTagHelper : TagHelper
{
    public override void Init(TagHelperContext context) => context.Items[typeof(SummaryListRowActionsTagHelper)] = new List<IHtmlContent>();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var actions = (List<IHtmlContent>)context.Items[typeof(SummaryListRowActionsTagHelper)];
        output.SuppressOutput();
        if (actions.Count == 0)
        {
            return;
        }
        var dd = GovUkHtml.Element("dd", "govuk-summary-list__actions");
        if (actions.Count == 1)
        {
            dd.InnerHtml.AppendHtml(actions[0]);
        }
        else
        {
            var list = GovUkHtml.Element("ul", "govuk-summary-list__actions-list");
            foreach (var action in actions)
            {
                list.InnerHtml.AppendHtml(GovUkHtml.Element("li", "govuk-summary-list__actions-list-item", action));
            }
            dd.InnerHtml.AppendHtml(list);
        }
        ((SummaryListRow)context.Items[typeof(SummaryListRow)]).Actions = dd;
    }
}

/// <summary>One action link; <c>visually-hidden-text</c> says what it changes, for screen readers.</summary>
[HtmlTargetElement("govuk-summary-list-row-action", ParentTag = "govuk-summary-list-row-actions")]
public sealed class SummaryListRowActionTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    public string? VisuallyHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var link = GovUkHtml.Element("a", "govuk-link", new HtmlString(content.GetContent()));
        link.Attributes["href"] = Href;
        GovUkForm.CopyUnboundAttributes(output, link);
        if (!string.IsNullOrEmpty(VisuallyHiddenText))
        {
            var hidden = GovUkHtml.Element("span", "govuk-visually-hidden");
            hidden.InnerHtml.Append(" " + VisuallyHiddenText);
            link.InnerHtml.AppendHtml(hidden);
        }
        ((List<IHtmlContent>)context.Items[typeof(SummaryListRowActionsTagHelper)]).Add(link);
        output.SuppressOutput();
    }
}

/// <summary>
/// A GOV.UK table: <c>&lt;govuk-table&gt;</c> with an optional <c>&lt;govuk-table-caption&gt;</c>, a
/// <c>&lt;govuk-table-head&gt;</c> (one header row) and a <c>&lt;govuk-table-body&gt;</c> of
/// <c>&lt;govuk-table-row&gt;</c>. Cells are <c>&lt;govuk-table-header&gt;</c> (a column header in the head, a row
/// header in the body) or <c>&lt;govuk-table-cell&gt;</c>; <c>format="numeric"</c> right-aligns either.
/// </summary>
[HtmlTargetElement("govuk-table")]
[HtmlTargetElement("govuk-table-caption", ParentTag = "govuk-table")]
[HtmlTargetElement("govuk-table-head", ParentTag = "govuk-table")]
[HtmlTargetElement("govuk-table-body", ParentTag = "govuk-table")]
[HtmlTargetElement("govuk-table-row", ParentTag = "govuk-table-body")]
public sealed class TableTagHelper : TagHelper
{
    internal const string InHeadKey = "GovUkTableHead";

    public override void Init(TagHelperContext context)
    {
        if (context.TagName == "govuk-table-head")
        {
            context.Items[InHeadKey] = true;
        }
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        switch (context.TagName)
        {
            case "govuk-table":
                GovUkHtml.Become(output, "table", "govuk-table");
                break;
            case "govuk-table-caption":
                GovUkHtml.Become(output, "caption", "govuk-table__caption");
                break;
            case "govuk-table-head":
                var row = GovUkHtml.Element("tr", "govuk-table__row", await output.GetChildContentAsync());
                GovUkHtml.Become(output, "thead", "govuk-table__head");
                output.Content.SetHtmlContent(row);
                break;
            case "govuk-table-body":
                GovUkHtml.Become(output, "tbody", "govuk-table__body");
                break;
            default:
                GovUkHtml.Become(output, "tr", "govuk-table__row");
                break;
        }
    }
}

/// <summary>A table header or data cell; see <see cref="TableTagHelper"/>.</summary>
[HtmlTargetElement("govuk-table-header")]
[HtmlTargetElement("govuk-table-cell")]
public sealed class TableCellTagHelper : TagHelper
{
    /// <summary>"numeric" to right-align numbers.</summary>
    public string? Format { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isHeader = context.TagName == "govuk-table-header";
        var baseClass = isHeader ? "govuk-table__header" : "govuk-table__cell";
        GovUkHtml.Become(output, isHeader ? "th" : "td", Format is null ? baseClass : $"{baseClass} {baseClass}--{Format}");
        if (isHeader && !output.Attributes.ContainsName("scope"))
        {
            output.Attributes.SetAttribute("scope", context.Items.ContainsKey(TableTagHelper.InHeadKey) ? "col" : "row");
        }
    }
}

/// <summary>
/// A GOV.UK task list: <c>&lt;govuk-task-list&gt;</c> of <c>&lt;govuk-task-list-item href="..."&gt;</c>, each with
/// <c>&lt;govuk-task-list-item-title&gt;</c>, optional <c>&lt;govuk-task-list-item-hint&gt;</c> and
/// <c>&lt;govuk-task-list-item-status&gt;</c> (text, or a <c>&lt;govuk-tag&gt;</c>). An item without <c>href</c>
/// cannot be started yet.
/// </summary>
[HtmlTargetElement("govuk-task-list")]
public sealed class TaskListTagHelper : TagHelper
{
    public string IdPrefix { get; set; } = "task-list";

    public override void Init(TagHelperContext context) => context.Items[typeof(TaskListTagHelper)] = new TaskListCounter(IdPrefix);

    public override void Process(TagHelperContext context, TagHelperOutput output) => GovUkHtml.Become(output, "ul", "govuk-task-list");
}

/// <summary>Numbers the items of a task list for their ids.</summary>
public sealed class TaskListCounter(string idPrefix)
{
    public string IdPrefix { get; } = idPrefix;
    public int Count { get; set; }
}

/// <summary>What a task list item's children hand to it.</summary>
public sealed class TaskListItemParts
{
    public IHtmlContent? Title { get; set; }
    public IHtmlContent? Hint { get; set; }
    public IHtmlContent? Status { get; set; }
    public string? StatusClass { get; set; }
}

/// <summary>One task in a <c>&lt;govuk-task-list&gt;</c>.</summary>
[HtmlTargetElement("govuk-task-list-item", ParentTag = "govuk-task-list")]
public sealed class TaskListItemTagHelper : TagHelper
{
    public string? Href { get; set; }

    public override void Init(TagHelperContext context) => context.Items[typeof(TaskListItemParts)] = new TaskListItemParts();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var parts = (TaskListItemParts)context.Items[typeof(TaskListItemParts)];
        var counter = (TaskListCounter)context.Items[typeof(TaskListTagHelper)];
        counter.Count++;
        var prefix = $"{counter.IdPrefix}-{GovUkHtml.Number(counter.Count)}";
        var hintId = prefix + "-hint";
        var statusId = prefix + "-status";

        GovUkHtml.Become(output, "li", Href is null ? "govuk-task-list__item" : "govuk-task-list__item govuk-task-list__item--with-link");
        var nameAndHint = GovUkHtml.Element("div", "govuk-task-list__name-and-hint");
        if (Href is not null)
        {
            var link = GovUkHtml.Element("a", "govuk-link govuk-task-list__link", parts.Title);
            link.Attributes["href"] = Href;
            link.Attributes["aria-describedby"] = parts.Hint is null ? statusId : $"{hintId} {statusId}";
            nameAndHint.InnerHtml.AppendHtml(link);
        }
        else
        {
            nameAndHint.InnerHtml.AppendHtml(GovUkHtml.Element("div", null, parts.Title));
        }
        if (parts.Hint is not null)
        {
            var hint = GovUkHtml.Element("div", "govuk-task-list__hint", parts.Hint);
            hint.Attributes["id"] = hintId;
            nameAndHint.InnerHtml.AppendHtml(hint);
        }
        var status = GovUkHtml.Element("div", "govuk-task-list__status", parts.Status);
        if (parts.StatusClass is not null)
        {
            status.AddCssClass(parts.StatusClass);
        }
        status.Attributes["id"] = statusId;
        output.Content.SetHtmlContent(nameAndHint).AppendHtml(status);
    }
}

/// <summary>The title, hint or status of a task list item.</summary>
[HtmlTargetElement("govuk-task-list-item-title", ParentTag = "govuk-task-list-item")]
[HtmlTargetElement("govuk-task-list-item-hint", ParentTag = "govuk-task-list-item")]
[HtmlTargetElement("govuk-task-list-item-status", ParentTag = "govuk-task-list-item")]
public sealed class TaskListItemChildTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = new HtmlString((await output.GetChildContentAsync()).GetContent());
        var parts = (TaskListItemParts)context.Items[typeof(TaskListItemParts)];
        switch (context.TagName)
        {
            case "govuk-task-list-item-title":
                parts.Title = content;
                break;
            case "govuk-task-list-item-hint":
                parts.Hint = content;
                break;
            default:
                parts.Status = content;
                parts.StatusClass = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
                break;
        }
        output.SuppressOutput();
    }
}
