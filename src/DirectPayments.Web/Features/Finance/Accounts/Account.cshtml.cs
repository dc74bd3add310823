using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Finance.Wallet;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Accounts;

/// <summary>
/// An account as routine oversight sees it (issue #4, item 9): balance, weeks of cover, spending by
/// category against the plan, payments and open flags. No line-level detail: that needs a reason.
/// </summary>
[Authorize(Policy = Policies.ViewAccount)]
public sealed class AccountModel(DpDbContext db, MoneyActions money, WalletFigures figures) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    public WalletSummary Summary { get; private set; } = null!;

    public int OpenFlags { get; private set; }

    public IReadOnlyList<PaymentRunLine> Payments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await money.FindVisibleAccountAsync(User, AccountId);
        if (account is null)
        {
            return NotFound();
        }
        Summary = await figures.SummaryAsync(account);
        OpenFlags = await db.MoneyFlags.CountAsync(f => f.AccountId == account.Id && f.Status == FlagStatus.Open);
        Payments = await db.PaymentRunLines.AsNoTracking().Where(l => l.AccountId == account.Id)
            .OrderByDescending(l => l.DueOn).Take(6).ToListAsync();
        db.RecordAudit("account.viewed", nameof(DpAccount), account.Id.ToString(), account.PersonId, details: "Account summary");
        await db.SaveChangesAsync();
        return Page();
    }
}
