using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>An account's oversight level and why, its conversations and any money returned (issue #4, item 7).</summary>
[Authorize(Policy = Policies.SupportConversations)]
public sealed class OversightModel(DpDbContext db, MoneyActions money, OversightQuery oversight, IAuthorizationService authorization) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public Oversight? Level { get; private set; }

    public IReadOnlyList<MoneyFlag> Flags { get; private set; } = [];

    public IReadOnlyList<Reclaim> Reclaims { get; private set; } = [];

    public bool CanReclaim { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await money.FindVisibleAccountAsync(User, AccountId) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        PersonName = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        Level = await oversight.ForAccountAsync(account.Id, money.Today);
        Flags = await db.MoneyFlags.AsNoTracking().Where(f => f.AccountId == account.Id).OrderByDescending(f => f.RaisedOn).ThenBy(f => f.Kind).Take(50).ToListAsync();
        Reclaims = await oversight.ReclaimsAsync(account.Id);
        CanReclaim = (await authorization.AuthorizeAsync(User, Policies.RecordReclaim)).Succeeded;
        return Page();
    }
}
