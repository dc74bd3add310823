namespace DirectPayments.Web.Platform.Pdf;

/// <summary>The "Pdf" configuration section (docs/operations.md).</summary>
public sealed class PdfSettings
{
    /// <summary>Debian's Chromium by default; Playwright never downloads a browser here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one PDF may take before the request gives up.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
