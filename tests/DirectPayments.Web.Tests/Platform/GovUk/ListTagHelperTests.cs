using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class ListTagHelperTests
{
    private const string ContactHtml = """
        <p class="govuk-body">email@email.com</p>
        <p class="govuk-body">Address line 1<br>Address line 2<br>Address line 3<br>Address line 4<br>Address line 5</p>
        """;

    [Theory]
    [InlineData("default")]
    [InlineData("with actions")]
    [InlineData("no-border")]
    [InlineData("single action with anchor")]
    [InlineData("with some actions")]
    [InlineData("rows with classes")]
    [InlineData("key with classes")]
    public async Task SummaryList_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        static Node Action(string text, string? hidden) =>
            H("govuk-summary-list-row-action", new SummaryListRowActionTagHelper { Href = "#", VisuallyHiddenText = hidden }, text);
        static Node Row(string key, string value, params Node[] actions)
        {
            List<object> children =
            [
                H("govuk-summary-list-row-key", new SummaryListRowTagHelper(), key),
                H("govuk-summary-list-row-value", new SummaryListRowTagHelper(), value),
            ];
            if (actions.Length > 0)
            {
                children.Add(H("govuk-summary-list-row-actions", new SummaryListRowActionsTagHelper(), actions));
            }
            return H("govuk-summary-list-row", new SummaryListRowTagHelper(), [.. children]);
        }
        var node = fixture switch
        {
            "default" => H("govuk-summary-list", new SummaryListTagHelper(),
                Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml)),
            "no-border" => H("govuk-summary-list", new SummaryListTagHelper(), new() { ["class"] = "govuk-summary-list--no-border" },
                Row("Name", "Firstname Lastname"), Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml)),
            "with actions" => H("govuk-summary-list", new SummaryListTagHelper(),
                Row("Name", "Firstname Lastname", Action("Edit", "name"), Action("Delete", "name")),
                Row("Date of birth", "13/08/1980", Action("Change", "date of birth")),
                Row("Contact information", ContactHtml, Action("Edit", "contact information"), Action("Change", "contact information"))),
            "with some actions" => H("govuk-summary-list", new SummaryListTagHelper(),
                Row("Name", "Firstname Lastname", Action("Edit", "name"), Action("Delete", "name")),
                Row("Date of birth", "13/08/1980"), Row("Contact information", ContactHtml)),
            "rows with classes" => H("govuk-summary-list", new SummaryListTagHelper(),
                H("govuk-summary-list-row", new SummaryListRowTagHelper(), new() { ["class"] = "app-custom-class" },
                    H("govuk-summary-list-row-key", new SummaryListRowTagHelper(), "Name"),
                    H("govuk-summary-list-row-value", new SummaryListRowTagHelper(), "Firstname Lastname"))),
            "key with classes" => H("govuk-summary-list", new SummaryListTagHelper(),
                H("govuk-summary-list-row", new SummaryListRowTagHelper(),
                    H("govuk-summary-list-row-key", new SummaryListRowTagHelper(), new() { ["class"] = "app-custom-class" }, "Name"),
                    H("govuk-summary-list-row-value", new SummaryListRowTagHelper(), "Firstname Lastname"))),
            "single action with anchor" => H("govuk-summary-list", new SummaryListTagHelper(),
                Row("Name", "Firstname Lastname", Action("First action", null))),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("summary-list", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with head")]
    [InlineData("with head and caption")]
    [InlineData("with firstCellIsHeader true")]
    public async Task Table_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var firstCellIsHeader = fixture is "with head and caption" or "with firstCellIsHeader true";
        static Node Cell(string text, bool numeric = false) => H("govuk-table-cell", new TableCellTagHelper { Format = numeric ? "numeric" : null }, text);
        static Node Header(string text, bool numeric = false) => H("govuk-table-header", new TableCellTagHelper { Format = numeric ? "numeric" : null }, text);
        Node Row(string month, string bicycles, string vehicles) =>
            H("govuk-table-row", new TableTagHelper(), firstCellIsHeader ? Header(month) : Cell(month), Cell(bicycles, true), Cell(vehicles, true));
        List<object> children = [];
        if (fixture == "with head and caption")
        {
            children.Add(H("govuk-table-caption", new TableTagHelper(), new() { ["class"] = "govuk-table__caption--m" }, "Caption 1: Months and rates"));
        }
        if (fixture.StartsWith("with head", StringComparison.Ordinal))
        {
            children.Add(H("govuk-table-head", new TableTagHelper(),
                Header("Month you apply"), Header("Rate for bicycles", true), Header("Rate for vehicles", true)));
        }
        children.Add(H("govuk-table-body", new TableTagHelper(),
            fixture == "default"
                ? [H("govuk-table-row", new TableTagHelper(), Cell("January"), Cell("£85", true), Cell("£95", true)),
                   H("govuk-table-row", new TableTagHelper(), Cell("February"), Cell("£75", true), Cell("£55", true)),
                   H("govuk-table-row", new TableTagHelper(), Cell("March"), Cell("£165", true), Cell("£125", true))]
                : [Row("January", "£85", "£95"), Row("February", "£75", "£55"), Row("March", "£165", "£125")]));

        var html = await RenderAsync(H("govuk-table", new TableTagHelper(), [.. children]));

        HtmlAssert.Equivalent(GovUkFixtures.Html("table", fixture), html);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with hint text and additional states")]
    [InlineData("custom id prefix")]
    public async Task TaskList_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        static Node Tag(string text, string? cssClass) => cssClass is null
            ? H("govuk-tag", new TagTagHelper(), text)
            : H("govuk-tag", new TagTagHelper(), new() { ["class"] = cssClass }, text);
        static Node Item(string? href, string title, object status, string? hint = null, string? statusClass = null)
        {
            List<object> children = [H("govuk-task-list-item-title", new TaskListItemChildTagHelper(), title)];
            if (hint is not null)
            {
                children.Add(H("govuk-task-list-item-hint", new TaskListItemChildTagHelper(), hint));
            }
            children.Add(statusClass is null
                ? H("govuk-task-list-item-status", new TaskListItemChildTagHelper(), status)
                : H("govuk-task-list-item-status", new TaskListItemChildTagHelper(), new() { ["class"] = statusClass }, status));
            return H("govuk-task-list-item", new TaskListItemTagHelper { Href = href }, [.. children]);
        }
        var node = fixture switch
        {
            "default" => H("govuk-task-list", new TaskListTagHelper(),
                Item("#", "Company Directors", "Completed"),
                Item("#", "Registered company details", Tag("Incomplete", "govuk-tag--blue")),
                Item("#", "Business plan", Tag("Incomplete", "govuk-tag--blue"))),
            "with hint text and additional states" => H("govuk-task-list", new TaskListTagHelper(),
                Item("#", "Company Directors", "Completed"),
                Item("#", "Registered company details", Tag("Not started", "govuk-tag--teal")),
                Item("#", "Business plan", Tag("Review", "govuk-tag--magenta"), "Ensure the plan covers objectives, strategies, sales, marketing and financial forecasts."),
                Item("#", "Documentation", Tag("In progress", "govuk-tag--blue")),
                Item("#", "Charitable status", Tag("Error", "govuk-tag--red")),
                Item(null, "Payment", "Cannot start yet", "It will cost between £15 and £75", "govuk-task-list__status--cannot-start-yet")),
            "custom id prefix" => H("govuk-task-list", new TaskListTagHelper { IdPrefix = "my-custom-id" },
                Item("#", "A Link", Tag("Status", null), "Hint text")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("task-list", fixture), await RenderAsync(node));
    }
}
