using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>A printable statement for a chosen period: opening balance, each line, closing balance (issue #4, item 8).</summary>
[Authorize(Policy = Policies.PersonOnly)]
public sealed class StatementModel(DpDbContext db, MoneyActions money, WalletFigures figures) : PageModel
{
    [BindProperty(Name = "account", SupportsGet = true)] public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "The start date")] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "The end date")] public DateOnly? To { get; set; }

    public PersonWallets.Choice Chosen { get; private set; } = null!;

    public string Query { get; private set; } = "";

    public Money Opening { get; private set; }

    public Money Closing { get; private set; }

    public IReadOnlyList<(TransactionRow Row, Money Balance)> Lines { get; private set; } = [];

    public bool Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var choices = await PersonWallets.ListAsync(db, money, User);
        if (PersonWallets.Pick(choices, AccountId) is not { } chosen)
        {
            return NotFound();
        }
        (Chosen, Query) = (chosen, PersonWallets.Query(chosen, choices));
        var today = money.Today;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        From ??= new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        To ??= today;
        if (From > To)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
            return Page();
        }
        var (opening, rows) = await figures.StatementAsync(chosen.Account.Id, From.Value, To.Value);
        var balance = opening;
        var lines = new List<(TransactionRow, Money)>();
        foreach (var row in rows)
        {
            balance += new Money(row.WalletPence);
            lines.Add((row, balance));
        }
        (Opening, Closing, Lines, Shown) = (opening, balance, lines, true);
        db.RecordAudit("account.viewed", nameof(DpAccount), chosen.Account.Id.ToString(), chosen.Account.PersonId, details: "Statement");
        await db.SaveChangesAsync();
        return Page();
    }
}
