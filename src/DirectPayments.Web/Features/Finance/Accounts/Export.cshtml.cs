using DirectPayments.Web.Features.Finance.Wallet;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Accounts;

/// <summary>
/// The person's whole money record for the council to pass on (issue #4, item 10), as CSV or JSON.
/// It holds every line, so it needs the same policy as the line-level view; every export is audited.
/// </summary>
[Authorize(Policy = Policies.ViewTransactions)]
public sealed class ExportModel(MoneyActions money, MoneyExport export) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public Domain.Finance.DpAccount Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await money.FindVisibleAccountAsync(User, AccountId);
        if (account is null)
        {
            return NotFound();
        }
        Account = account;
        return await ExportPages.FileOrPageAsync(this, export, account, Format, "Staff export");
    }
}
