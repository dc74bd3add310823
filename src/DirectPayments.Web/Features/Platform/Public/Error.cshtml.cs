using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Public;

/// <summary>
/// One error page for every status the app re-executes to. Visited directly (not re-executed), it is
/// a page that does not exist, so it answers 404.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        403 => "You do not have permission to see this page",
        404 => "Page not found",
        429 => "Too many attempts",
        400 => "Sorry, something went wrong with that request",
        _ => "Sorry, there is a problem with the service",
    };

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted ? code : 404;
        if (Code is not (400 or 403 or 404 or 429 or 500))
        {
            Code = Code >= 500 ? 500 : Code;
        }
        Response.StatusCode = Code;
        return Page();
    }
}
