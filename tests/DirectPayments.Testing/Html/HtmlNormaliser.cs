using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DirectPayments.Testing.Html;

/// <summary>
/// Turns HTML into a canonical outline so that two fragments can be compared for what matters to a browser and a
/// screen reader: the element tree, tag names, class sets, other attributes and their values, and trimmed text.
/// Whitespace between elements, attribute order, class order and the value of boolean attributes are ignored.
/// </summary>
public static partial class HtmlNormaliser
{
    private static readonly HashSet<string> BooleanAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "disabled", "checked", "open", "hidden", "required", "readonly", "multiple", "selected", "autofocus",
    };

    public static string Normalise(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            Write(node, builder, 0);
        }
        return builder.ToString();
    }

    /// <summary>Parses the HTML, lets <paramref name="change"/> edit it, and gives back the edited HTML.</summary>
    public static string Edit(string html, Action<IElement> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        change(document.Body!);
        return document.Body!.InnerHtml;
    }

    private static void Write(INode node, StringBuilder builder, int depth)
    {
        switch (node)
        {
            case IElement element:
                builder.Append(' ', depth * 2).Append('<').Append(element.LocalName);
                foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    builder.Append(' ').Append(attribute.Name);
                    var value = attribute.Name switch
                    {
                        "class" => string.Join(' ', attribute.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)),
                        _ when BooleanAttributes.Contains(attribute.Name) => null,
                        _ => Whitespace().Replace(attribute.Value, " ").Trim(),
                    };
                    if (value is not null)
                    {
                        builder.Append("=\"").Append(value).Append('"');
                    }
                }
                builder.Append(">\n");
                foreach (var child in element.ChildNodes)
                {
                    Write(child, builder, depth + 1);
                }
                break;
            case IText text:
                var trimmed = Whitespace().Replace(text.Data, " ").Trim();
                if (trimmed.Length > 0)
                {
                    builder.Append(' ', depth * 2).Append('"').Append(trimmed).Append("\"\n");
                }
                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
