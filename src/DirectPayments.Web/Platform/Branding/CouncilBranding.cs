using DirectPayments.Data;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DirectPayments.Web.Platform.Branding;

/// <summary>The council whose name and logo the pages show: the signed-in user's, or the configured default for signed-out pages.</summary>
public sealed class CouncilBranding(DpDbContext db, IMemoryCache cache, IConfiguration configuration)
{
    public async Task<Council?> CurrentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.CouncilId() is { } id)
        {
            return await cache.GetOrCreateAsync($"council:{id}", async e =>
            {
                e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
                return await db.Councils.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
            });
        }
        var slug = configuration["Platform:DefaultCouncil"];
        return await cache.GetOrCreateAsync($"council:default:{slug}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var councils = db.Councils.AsNoTracking();
            return string.IsNullOrEmpty(slug)
                ? await councils.OrderBy(c => c.CreatedAt).ThenBy(c => c.Slug).FirstOrDefaultAsync()
                : await councils.SingleOrDefaultAsync(c => c.Slug == slug);
        });
    }
}
