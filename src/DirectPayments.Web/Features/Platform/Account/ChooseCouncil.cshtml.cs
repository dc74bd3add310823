using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>An organisation's staff choose which of their contracted councils to work in.</summary>
[Authorize]
public sealed class ChooseCouncilModel(DpDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid? CouncilId { get; set; }

    public IReadOnlyList<Council> Councils { get; private set; } = [];

    private async Task<IReadOnlyList<Council>> ContractedAsync(AppUser user)
    {
        if (user.OrganisationId is not { } organisation)
        {
            return [];
        }
        var today = clock.TodayInEngland();
        var contracts = await db.OrganisationContracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganisationId == organisation).ToListAsync();
        var ids = contracts.Where(c => c.IsInForceOn(today)).Select(c => c.CouncilId).Distinct().ToList();
        return await db.Councils.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.OrganisationId is null)
        {
            return Redirect("/home");
        }
        Councils = await ContractedAsync(user);
        CouncilId = User.CouncilId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.OrganisationId is null)
        {
            return Redirect("/home");
        }
        Councils = await ContractedAsync(user);
        if (CouncilId is not { } chosen || Councils.All(c => c.Id != chosen))
        {
            ModelState.AddModelError(nameof(CouncilId), "Select the council you are working for");
            return Page();
        }
        user.SelectedCouncilId = chosen;
        db.Actor.CouncilId = chosen;
        await users.UpdateAsync(user);
        db.RecordAuditIn(chosen, "user.chose-council", "User", user.Id.ToString());
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        return Redirect("/home");
    }
}
