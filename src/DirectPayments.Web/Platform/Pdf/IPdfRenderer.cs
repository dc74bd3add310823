namespace DirectPayments.Web.Platform.Pdf;

/// <summary>
/// Turns a complete, self-contained HTML document into a tagged PDF. An interface because the work is
/// done by Chromium, an external program that may not be installed where the platform runs.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>Renders the HTML (which must need no network: inline styles only) to A4 PDF bytes.</summary>
    /// <exception cref="PdfUnavailableException">When no PDF can be made on this server.</exception>
    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default);
}

/// <summary>PDF download is not available on this server, for example because Chromium is not installed.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
