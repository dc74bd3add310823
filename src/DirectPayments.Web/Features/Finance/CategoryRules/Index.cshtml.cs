using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.CategoryRules;

/// <summary>
/// The council's category rules (issue #4, item 4): text a payment's payee or description contains,
/// and the support plan category it sorts into. Support workers and the finance team edit them;
/// practitioners and managers read them.
/// </summary>
[Authorize(Policy = Policies.SupportConversations)]
public sealed class IndexModel(DpDbContext db) : PageModel
{
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public IReadOnlyList<CategoryRule> Rules { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public bool CanEdit => Policies.RolePolicies[Policies.EditCategoryRules].Contains(User.AppRole() ?? Role.Person);

    public async Task OnGetAsync()
    {
        var page = Paging.Clamp(PageNumber);
        var total = await db.CategoryRules.CountAsync();
        Rules = await db.CategoryRules.AsNoTracking().OrderBy(r => r.Contains).ThenBy(r => r.Id)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync();
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/money/category-rules?page={n}");
    }
}
