using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Agreements;

/// <summary>One version of an agreement with what the pages around it show: whose it is, the council, and what replaced it.</summary>
public sealed record AgreementDocument(
    AgreementVersion Agreement,
    int LatestVersion,
    string CouncilName,
    string PersonName,
    string PersonReference,
    string ArrangementReference)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The content security policy for the print page: the site's own, plus the hash of its one inline
    /// style block, so the page needs no other file and allows nothing else inline.
    /// </summary>
    public static readonly string PrintContentSecurityPolicy = SecurityHeadersMiddleware.ContentSecurityPolicy.Replace(
        "style-src 'self'",
        $"style-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PrintStyles)))}'",
        StringComparison.Ordinal);

    public bool IsReplaced => Agreement.Status == AgreementStatus.Superseded || Agreement.Version < LatestVersion;

    public string Title => $"Direct payment agreement {ArrangementReference}, version {Agreement.Version}";

    public string FileName => $"agreement-{ArrangementReference}-v{Agreement.Version}.pdf";

    /// <summary>One version of an arrangement's agreement with its signatures; null if there is no such version.</summary>
    public static async Task<AgreementDocument?> LoadAsync(DpDbContext db, Arrangement arrangement, int version)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(arrangement);
        var agreement = await db.AgreementVersions.AsNoTracking().Include(v => v.Signatures)
            .SingleOrDefaultAsync(v => v.ArrangementId == arrangement.Id && v.Version == version);
        if (agreement is null)
        {
            return null;
        }
        agreement.Signatures.Sort((a, b) => a.SignedAt.CompareTo(b.SignedAt));
        var latest = await db.AgreementVersions.Where(v => v.ArrangementId == arrangement.Id).MaxAsync(v => v.Version);
        var council = await db.Councils.Where(c => c.Id == arrangement.CouncilId).Select(c => c.Name).SingleAsync();
        var person = await db.People.AsNoTracking().Where(p => p.Id == arrangement.PersonId)
            .Select(p => new { p.GivenName, p.FamilyName, p.Reference }).SingleAsync();
        return new AgreementDocument(agreement, latest, council, $"{person.GivenName} {person.FamilyName}", person.Reference, arrangement.Reference);
    }

    public static string Label(AgreementStatus status) => status switch
    {
        AgreementStatus.AwaitingSignatures => "Waiting for signatures",
        AgreementStatus.FullySigned => "Signed by everyone",
        AgreementStatus.Superseded => "Replaced by a newer version",
    };

    /// <summary>The GOV.UK tag colour for a status; the words always say it too.</summary>
    public static string TagClass(AgreementStatus status) => status switch
    {
        AgreementStatus.AwaitingSignatures => "govuk-tag--yellow",
        AgreementStatus.FullySigned => "govuk-tag--green",
        AgreementStatus.Superseded => "govuk-tag--grey",
    };

    /// <summary>A hash in four groups of 16 characters, so that it wraps on a small screen and is easier to compare by eye.</summary>
    public static string Grouped(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return string.Join(" ", hash.Chunk(16).Select(c => new string(c)));
    }

    /// <summary>A date and time as people in England read it, such as "23 November 2026 at 2:05pm".</summary>
    public static string EnglandTime(DateTime utc)
    {
        var local = EnglandClock.ToEnglandTime(utc);
        return local.ToString("d MMMM yyyy", EnGb) + " at " + local.ToString("h:mmtt", EnGb).ToLowerInvariant();
    }

    public static string EnglandDate(DateTime utc) => EnglandClock.ToEnglandTime(utc).ToString("d MMMM yyyy", EnGb);

    /// <summary>
    /// The whole agreement as one self-contained HTML document with inline styles, for printing and for
    /// Chromium to turn into a PDF without fetching anything. The title becomes the PDF's title.
    /// </summary>
    public string ToPrintHtml(string? backHref = null)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(e.Encode(Title)).Append("</title>\n");
        html.Append("<meta name=\"author\" content=\"").Append(e.Encode(CouncilName)).Append("\">\n");
        html.Append("<style>").Append(PrintStyles).Append("</style>\n</head>\n<body>\n");
        if (backHref is not null)
        {
            html.Append("<nav class=\"screen-only\" aria-label=\"Agreement\"><a href=\"").Append(e.Encode(backHref)).Append("\">Back to the agreement</a>");
            html.Append(" <span>Use your browser's print command to print this page or save it as a PDF.</span></nav>\n");
        }
        html.Append("<main>\n<header>\n<p class=\"council\">").Append(e.Encode(CouncilName)).Append("</p>\n");
        html.Append("<h1>Direct payment agreement</h1>\n<dl class=\"facts\">\n");
        Fact(html, "Person", $"{PersonName} ({PersonReference})");
        Fact(html, "Direct payment reference", ArrangementReference);
        Fact(html, "Version", Agreement.Version.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Status", Label(Agreement.Status));
        Fact(html, "Created", EnglandDate(Agreement.CreatedAt));
        html.Append("</dl>\n");
        if (IsReplaced)
        {
            html.Append("<p class=\"replaced\"><strong>This version has been replaced by version ")
                .Append(LatestVersion.ToString(CultureInfo.InvariantCulture)).Append(". It is kept as a record and cannot be signed.</strong></p>\n");
        }
        html.Append("</header>\n<div class=\"text\">\n").Append(AgreementMarkdown.ToHtml(Agreement.Text)).Append("</div>\n");
        html.Append("<h2>Signatures</h2>\n");
        if (Agreement.Signatures.Count == 0)
        {
            html.Append("<p>Nobody has signed this version yet.</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption>Electronic signatures on this version</caption>\n<thead><tr><th scope=\"col\">Signed as</th><th scope=\"col\">Typed name</th><th scope=\"col\">Account</th><th scope=\"col\">When (UK time)</th><th scope=\"col\">Text signed (SHA-256)</th></tr></thead>\n<tbody>\n");
            foreach (var s in Agreement.Signatures)
            {
                html.Append("<tr><td>").Append(e.Encode(s.Kind.Label())).Append("</td><td>").Append(e.Encode(s.TypedName))
                    .Append("</td><td>").Append(e.Encode(s.AccountName)).Append("</td><td>").Append(e.Encode(EnglandTime(s.SignedAt)))
                    .Append("</td><td class=\"hash\">").Append(e.Encode(s.SignedHash)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
            html.Append("<p>Each signer typed their name and confirmed: \u201C").Append(e.Encode(AgreementRules.Confirmation)).Append("\u201D</p>\n");
        }
        html.Append("<h2>Checking this document</h2>\n<p>The SHA-256 hash of this version's text is</p>\n<p class=\"hash\">")
            .Append(e.Encode(Agreement.TextHash)).Append("</p>\n<p>A signature is valid for this text only when the hash it records is the same.</p>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Fact(StringBuilder html, string key, string value)
    {
        var e = HtmlEncoder.Default;
        html.Append("<div><dt>").Append(e.Encode(key)).Append("</dt><dd>").Append(e.Encode(value)).Append("</dd></div>\n");
    }

    /// <summary>Plain, print-first styles with system fonts: no web fonts, images or scripts to fetch.</summary>
    private const string PrintStyles = """
        @page { size: A4; margin: 20mm 18mm; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #0b0c0c; background: #fff; }
        body { margin: 0 auto; max-width: 960px; padding: 20px; font-size: 16px; line-height: 1.4; }
        h1 { font-size: 28px; margin: 0 0 16px; }
        h2 { font-size: 20px; margin: 24px 0 8px; break-after: avoid; }
        p, li { margin: 0 0 10px; }
        ul { padding-left: 20px; margin: 0 0 16px; }
        .council { font-size: 18px; font-weight: 700; margin-bottom: 4px; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
        .facts div { display: contents; }
        .facts dt { font-weight: 700; }
        .facts dd { margin: 0; }
        .replaced { border-left: 5px solid #0b0c0c; padding: 8px 12px; background: #f3f2f1; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 16px; font-size: 14px; }
        caption { text-align: left; font-weight: 700; margin-bottom: 8px; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 6px 8px 6px 0; text-align: left; vertical-align: top; }
        .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; font-size: 13px; }
        .screen-only { display: block; margin-bottom: 24px; }
        a { color: #1d70b8; }
        a:focus { background: #fd0; color: #0b0c0c; outline: 3px solid transparent; }
        @media print { .screen-only { display: none; } body { padding: 0; max-width: none; } }

        """;
}
