using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DirectPayments.Web.Platform.Pdf;

/// <summary>
/// Makes PDFs with headless Chromium through Playwright: Chromium's print-to-PDF gives tagged,
/// accessible PDFs (docs: /work/shared/research/ecosystem.md, PDF). One browser is started on first use
/// and shared by the whole process; each PDF gets its own short-lived page. The browser closes when the
/// app stops (the container disposes this singleton).
/// </summary>
public sealed class ChromiumPdfRenderer(IOptions<PdfSettings> options, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer, IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var settings = options.Value;
        var browser = await BrowserAsync(settings, cancellationToken);
        IBrowserContext? context = null;
        try
        {
            // JavaScript is off and every request is refused: the document must carry everything it needs.
            context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "en-GB", Offline = true });
            var page = await context.NewPageAsync();
            await page.RouteAsync("**/*", route => route.AbortAsync());
            var timeout = settings.TimeoutSeconds * 1000f;
            await page.SetContentAsync(html, new PageSetContentOptions { Timeout = timeout });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Tagged = true,
                Outline = true,
                PrintBackground = true,
                PreferCSSPageSize = true,
            });
        }
        catch (PlaywrightException e)
        {
            logger.LogWarning(e, "Chromium could not make a PDF");
            throw new PdfUnavailableException("Chromium could not make the PDF.", e);
        }
        finally
        {
            if (context is not null)
            {
                await context.CloseAsync();
            }
        }
    }

    private async Task<IBrowser> BrowserAsync(PdfSettings settings, CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _starting.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            if (!File.Exists(settings.ChromiumPath))
            {
                throw new PdfUnavailableException($"Chromium is not installed at {settings.ChromiumPath}.");
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }
            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = settings.ChromiumPath,
                    Headless = true,
                    Args = ChromiumArgs,
                });
            }
            catch (Exception e) when (e is PlaywrightException or IOException or InvalidOperationException)
            {
                logger.LogWarning(e, "Chromium could not be started for PDFs from {ChromiumPath}", settings.ChromiumPath);
                throw new PdfUnavailableException("Chromium could not be started.", e);
            }
            logger.LogInformation("Chromium started for PDFs");
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _starting.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _starting.Release();
            _starting.Dispose();
        }
    }
}
