using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>
/// Renders an agreement's simple Markdown (see <see cref="Domain.Journey.AgreementVersion.Text"/>) as GOV.UK
/// HTML: "# " lines are headings, runs of "- " lines are bulleted lists, other lines are paragraphs.
/// Everything is HTML-encoded, so text from a plan cannot inject markup.
/// </summary>
public static class AgreementMarkdown
{
    public static IHtmlContent Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new HtmlString(ToHtml(text));
    }

    public static string ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        var inList = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var isItem = line.StartsWith("- ", StringComparison.Ordinal);
            if (inList && !isItem)
            {
                html.Append("</ul>\n");
                inList = false;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h2 class=\"govuk-heading-m\">").Append(encoder.Encode(line[2..].Trim())).Append("</h2>\n");
            }
            else if (isItem)
            {
                if (!inList)
                {
                    html.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
                    inList = true;
                }
                html.Append("<li>").Append(encoder.Encode(line[2..].Trim())).Append("</li>\n");
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                html.Append("<p class=\"govuk-body\">").Append(encoder.Encode(line.Trim())).Append("</p>\n");
            }
        }
        if (inList)
        {
            html.Append("</ul>\n");
        }
        return html.ToString();
    }
}
