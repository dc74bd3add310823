using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectPayments.Web.Tests.Platform.GovUk;

/// <summary>An element in a test page: a tag helper with its unbound attributes and its children (nodes or raw HTML).</summary>
public sealed record Node(string TagName, ITagHelper Helper, IReadOnlyList<KeyValuePair<string, object>> Attributes, IReadOnlyList<object> Children);

/// <summary>
/// Runs tag helpers the way Razor does: Init, then ProcessAsync with children run on demand, sharing
/// <see cref="TagHelperContext.Items"/> from parent to child, and child content used when a helper sets none.
/// </summary>
public static class TagHelperRenderer
{
    public static Node H(string tagName, ITagHelper helper) => new(tagName, helper, [], []);

    public static Node H(string tagName, ITagHelper helper, params object[] children) => new(tagName, helper, [], children);

    public static Node H(string tagName, ITagHelper helper, Dictionary<string, object> attributes, params object[] children) =>
        new(tagName, helper, [.. attributes], children);

    public static ViewContext NewViewContext() => new()
    {
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
    };

    public static ModelExpression For(string name, object? model = null, Type? type = null) =>
        new(name, new EmptyModelMetadataProvider().GetModelExplorerForType(type ?? model?.GetType() ?? typeof(string), model));

    public static Task<string> RenderAsync(Node node) => RenderAsync(node, new Dictionary<object, object>());

    private static async Task<string> RenderAsync(Node node, IDictionary<object, object> parentItems)
    {
        var items = new Dictionary<object, object>(parentItems);
        var attributes = new TagHelperAttributeList(node.Attributes.Select(a => new TagHelperAttribute(a.Key, a.Value)));
        var context = new TagHelperContext(node.TagName, new TagHelperAttributeList(attributes), items, Guid.NewGuid().ToString("N"));
        node.Helper.Init(context);

        Task<TagHelperContent>? children = null;
        var output = new TagHelperOutput(node.TagName, attributes, (_, _) => children ??= RenderChildrenAsync(node, context.Items));
        await node.Helper.ProcessAsync(context, output);
        if (!output.IsContentModified)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static async Task<TagHelperContent> RenderChildrenAsync(Node node, IDictionary<object, object> items)
    {
        var content = new DefaultTagHelperContent();
        foreach (var child in node.Children)
        {
            content.AppendHtml(child switch
            {
                Node n => await RenderAsync(n, items),
                string html => html,
                _ => throw new ArgumentException($"Unexpected child {child}"),
            });
        }
        return content;
    }
}

/// <summary>The reference HTML that the installed govuk-frontend package ships for each component.</summary>
public static class GovUkFixtures
{
    private static readonly Lazy<string> ComponentsFolder = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DirectPayments.sln")))
        {
            folder = folder.Parent;
        }
        return folder is null
            ? throw new InvalidOperationException("Cannot find DirectPayments.sln above " + AppContext.BaseDirectory)
            : Path.Combine(folder.FullName, "src", "DirectPayments.Web", "node_modules", "govuk-frontend", "dist", "govuk", "components");
    });

    /// <summary>The <c>html</c> of the named case in the component's <c>fixtures.json</c>.</summary>
    public static string Html(string component, string fixture)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ComponentsFolder.Value, component, "fixtures.json")));
        foreach (var item in json.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            if (item.GetProperty("name").GetString() == fixture)
            {
                return item.GetProperty("html").GetString()!;
            }
        }
        throw new ArgumentException($"govuk-frontend has no '{fixture}' fixture for {component}");
    }
}
