using System.Globalization;
using System.Text.Encodings.Web;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.AspNetCore.Html;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>How the plan and review pages show typed text, dates and times.</summary>
public static class Show
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Text someone typed over several lines, with its line breaks kept and nothing else taken as HTML.</summary>
    public static IHtmlContent Lines(string? text, string empty = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new HtmlString(HtmlEncoder.Default.Encode(empty));
        }
        var lines = text.Trim().ReplaceLineEndings("\n").Split('\n').Select(l => HtmlEncoder.Default.Encode(l));
        return new HtmlString(string.Join("<br>", lines));
    }

    /// <summary>The colour of a plan's status tag; the tag's words say the status too.</summary>
    public static string TagClass(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "govuk-tag--yellow",
        PlanStatus.Agreed => "govuk-tag--green",
        PlanStatus.Superseded => "govuk-tag--grey",
    };

    /// <summary>A date like "3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>An instant in England's time, like "3 March 2026 at 2:15pm".</summary>
    public static string When(DateTime utc)
    {
        var local = EnglandClock.ToEnglandTime(utc);
        return local.ToString("d MMMM yyyy", EnGb) + " at " + local.ToString("h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }
}
