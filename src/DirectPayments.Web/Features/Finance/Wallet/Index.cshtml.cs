using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// The person's virtual wallet (issue #4, item 8): balance and weeks of cover, planned against actual
/// by category (a chart with a table beside it), recent lines with a kind request to explain
/// unsorted spending, upcoming payments and contributions.
/// </summary>
[Authorize(Policy = Policies.PersonOnly)]
public sealed class IndexModel(DpDbContext db, MoneyActions money, WalletFigures figures) : PageModel
{
    [BindProperty(Name = "account", SupportsGet = true)] public Guid? AccountId { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public IReadOnlyList<PersonWallets.Choice> Choices { get; private set; } = [];

    public PersonWallets.Choice? Chosen { get; private set; }

    public WalletSummary? Summary { get; private set; }

    public SpendingChart? RecentChart { get; private set; }

    public IReadOnlyList<TransactionRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public string Query => Chosen is null ? "" : PersonWallets.Query(Chosen, Choices);

    public async Task<IActionResult> OnGetAsync()
    {
        Choices = await PersonWallets.ListAsync(db, money, User);
        Chosen = PersonWallets.Pick(Choices, AccountId);
        if (Chosen is null)
        {
            if (AccountId is not null)
            {
                return NotFound();
            }
            return Page();
        }
        var account = Chosen.Account;
        Summary = await figures.SummaryAsync(account);
        RecentChart = new SpendingChart("chart-recent", "Planned and spent in the last 4 weeks, by type of support",
            string.Join(". ", Summary.Categories.Select(c => $"{c.Label}: planned {c.PlannedRecent}, spent {c.SpentRecent}")) + ".",
            [.. Summary.Categories.Select(c => (c.Label, c.PlannedRecent, c.SpentRecent))]);
        var page = Paging.Clamp(PageNumber);
        var (rows, total) = await figures.TransactionsAsync(account.Id, page, 10);
        Rows = rows;
        var query = Query;
        Paging = new Paging(page, 10, total, n => $"/my-direct-payment/wallet?{(query.Length > 0 ? query[1..] + "&" : "")}page={n}#transactions");
        db.RecordAudit("account.viewed", nameof(DpAccount), account.Id.ToString(), account.PersonId, details: "Wallet page");
        await db.SaveChangesAsync();
        return Page();
    }
}
