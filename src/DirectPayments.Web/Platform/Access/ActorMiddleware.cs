using DirectPayments.Data.Platform;
using DirectPayments.Web.Platform.Identity;

namespace DirectPayments.Web.Platform.Access;

/// <summary>
/// Tells the data layer who is acting and in which council, from the signed-in user's claims, and
/// keeps a member of staff who has not set up an authenticator app on the set-up pages.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    private static readonly string[] OpenWhileSettingUp =
        ["/account/two-factor", "/account/sign-out", "/error", "/css", "/js", "/lib", "/images", "/health"];

    public Task InvokeAsync(HttpContext context, ActorContext actor)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.UserId() is { } userId && user.AppRole() is { } role)
        {
            actor.SignedIn(userId, role, user.CouncilId());
            var path = context.Request.Path;
            if (user.NeedsTwoFactorSetUp()
                && !OpenWhileSettingUp.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect("/account/two-factor/set-up");
                return Task.CompletedTask;
            }
            if (user.IsOrganisationStaff() && user.CouncilId() is null
                && !OpenWhileSettingUp.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && !path.StartsWithSegments("/choose-council", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect("/choose-council");
                return Task.CompletedTask;
            }
        }
        return next(context);
    }
}
