namespace DirectPayments.Web.Platform.Pdf;

public static class PdfRegistration
{
    /// <summary>One Chromium-backed PDF renderer for the process, configured from the "Pdf" section.</summary>
    public static IServiceCollection AddPdfRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfSettings>(configuration.GetSection("Pdf"));
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        return services;
    }
}
