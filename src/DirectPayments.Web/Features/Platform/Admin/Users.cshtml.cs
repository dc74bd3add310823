using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Admin;

/// <summary>The council's accounts and open invitations. Users are platform-wide rows, so the council is checked here explicitly.</summary>
[Authorize(Policy = Policies.CouncilAdmin)]
public sealed class UsersModel(DpDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public IReadOnlyList<AppUser> Rows { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var council = db.CurrentCouncilId;
        var page = Paging.Clamp(PageNumber);
        var query = db.Users.AsNoTracking().Where(u => u.CouncilId == council);
        var total = await query.CountAsync();
        Rows = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/admin/users?page={n}");
        var now = clock.GetUtcNow().UtcDateTime;
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.CancelledAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt).Take(100).ToListAsync();
    }
}
