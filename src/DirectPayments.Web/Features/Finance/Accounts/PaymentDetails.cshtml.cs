using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Accounts;

/// <summary>A finance officer records where payments go: the holder's name, sort code, account number and statement reference.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class PaymentDetailsModel(DpDbContext db, MoneyActions money) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    [BindProperty] public string? HolderName { get; set; }

    [BindProperty] public string? SortCode { get; set; }

    [BindProperty] public string? AccountNumber { get; set; }

    [BindProperty] public string? Reference { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        (HolderName, SortCode, AccountNumber, Reference, Version) = (Account.HolderName, Account.SortCode, Account.AccountNumber, Account.Reference, Account.Version);
        db.RecordAudit("account.viewed", nameof(DpAccount), Account.Id.ToString(), Account.PersonId, details: "Bank details for payments");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        var sortCode = BankDetails.Clean(SortCode);
        var accountNumber = BankDetails.Clean(AccountNumber);
        var holder = HolderName?.Trim();
        var reference = Reference?.Trim();
        if (string.IsNullOrEmpty(holder))
        {
            ModelState.AddModelError(nameof(HolderName), "Enter the name on the account");
        }
        else if (holder.Length > 200)
        {
            ModelState.AddModelError(nameof(HolderName), "The name on the account must be 200 characters or fewer");
        }
        if (sortCode is null)
        {
            ModelState.AddModelError(nameof(SortCode), "Enter a sort code");
        }
        else if (!BankDetails.IsSortCode(sortCode))
        {
            ModelState.AddModelError(nameof(SortCode), "Enter a valid sort code like 30-99-50: it must be 6 digits long");
        }
        if (accountNumber is null)
        {
            ModelState.AddModelError(nameof(AccountNumber), "Enter an account number");
        }
        else if (!BankDetails.IsAccountNumber(accountNumber))
        {
            ModelState.AddModelError(nameof(AccountNumber), "Enter a valid account number like 00733445: it must be 8 digits long");
        }
        if (string.IsNullOrEmpty(reference))
        {
            ModelState.AddModelError(nameof(Reference), "Enter the statement reference");
        }
        else if (reference.Length > 60)
        {
            ModelState.AddModelError(nameof(Reference), "The statement reference must be 60 characters or fewer");
        }
        else if (await db.DpAccounts.AnyAsync(a => a.Reference == reference && a.Id != Account.Id))
        {
            ModelState.AddModelError(nameof(Reference), "Another account already has this statement reference. Check the number on the statement");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Account.HolderName = holder!;
        Account.SortCode = sortCode;
        Account.AccountNumber = accountNumber;
        Account.Reference = reference!;
        db.Entry(Account).Property(a => a.Version).OriginalValue = Version;
        db.Actor.Reason = "Bank details for payments recorded";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(HolderName), "Someone else changed these bank details while you were editing. Reload the page and try again");
            return Page();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Reference), "Another account already has this statement reference. Check the number on the statement");
            return Page();
        }
        TempData["Success"] = "Bank details saved";
        return Redirect($"/arrangements/{Account.ArrangementId}");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        var account = await money.FindVisibleAccountAsync(User, AccountId, tracking);
        if (account is null)
        {
            return false;
        }
        Account = account;
        PersonName = await db.People.AsNoTracking().Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        return true;
    }
}
