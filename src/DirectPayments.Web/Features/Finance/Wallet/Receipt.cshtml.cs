using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// One receipt and its file, for the person and for staff who may see line-level detail of the
/// account. Every look, and every download of the file, is audited against the person.
/// </summary>
[Authorize(Policy = Policies.ViewTransactions)]
public sealed class ReceiptModel(DpDbContext db, MoneyActions money) : PageModel
{
    [FromRoute] public Guid ReceiptId { get; set; }

    public Receipt Receipt { get; private set; } = null!;

    public DpAccount Account { get; private set; } = null!;

    public bool IsPerson => User.AppRole() == Role.Person;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        db.RecordAudit("receipt.viewed", nameof(Receipt), Receipt.Id.ToString(), Account.PersonId);
        await db.SaveChangesAsync();
        return Page();
    }

    /// <summary>The receipt's file, with the type checked when it was uploaded.</summary>
    public async Task<IActionResult> OnGetFileAsync()
    {
        if (!await LoadAsync() || Receipt.Content is null || Receipt.ContentType is null)
        {
            return NotFound();
        }
        db.RecordAudit("receipt.downloaded", nameof(Receipt), Receipt.Id.ToString(), Account.PersonId);
        await db.SaveChangesAsync();
        Response.Headers.CacheControl = "private, no-store";
        return File(Receipt.Content, Receipt.ContentType, Receipt.FileName ?? "receipt" + ReceiptFiles.Extension(Receipt.ContentType));
    }

    private async Task<bool> LoadAsync()
    {
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ReceiptId);
        if (receipt is null || await money.FindVisibleAccountAsync(User, receipt.AccountId) is not { } account)
        {
            return false;
        }
        (Receipt, Account) = (receipt, account);
        return true;
    }
}
