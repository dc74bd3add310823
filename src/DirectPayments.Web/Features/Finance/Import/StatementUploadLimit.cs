using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>
/// Refuses a statement upload on the page that says it is larger than the limit before its body is
/// read (the page shows why), and lets smaller uploads past the server's default 30 MB body limit.
/// </summary>
public static class StatementUploadLimit
{
    /// <summary>Room for the form's other fields and multipart boundaries around the file.</summary>
    private const long FormOverhead = 1024 * 1024;

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/money/imports", StringComparison.OrdinalIgnoreCase))
        {
            var max = context.RequestServices.GetRequiredService<IOptions<StatementImportSettings>>().Value.MaxBytes + FormOverhead;
            if (context.Request.ContentLength > max)
            {
                context.Response.Redirect("/money/imports?TooLarge=true");
                return Task.CompletedTask;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = max;
            }
        }
        return next();
    }
}
