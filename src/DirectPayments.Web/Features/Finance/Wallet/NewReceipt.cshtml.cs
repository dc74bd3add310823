using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// Records a cash or paper spend with an optional photo or PDF of the receipt (issue #4, item 8). The
/// file's type is read from its own first bytes, never its name; the receipt and its ledger entry
/// are saved together or not at all.
/// </summary>
[Authorize(Policy = Policies.PersonOnly)]
[RequestSizeLimit(NewReceiptModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = NewReceiptModel.RequestLimit)]
public sealed class NewReceiptModel(DpDbContext db, MoneyActions money) : PageModel
{
    /// <summary>Room for a file a little over the limit, so the person gets a clear message rather than a broken page.</summary>
    public const int RequestLimit = 20 * 1024 * 1024;

    [BindProperty(Name = "account", SupportsGet = true)] public Guid? AccountId { get; set; }

    [BindProperty, Display(Name = "The date you paid")] public DateOnly? SpentOn { get; set; }

    [BindProperty] public string? Amount { get; set; }

    [BindProperty] public CostCategory? Category { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    public PersonWallets.Choice Chosen { get; private set; } = null!;

    public string Query { get; private set; } = "";

    /// <summary>The plan's categories first, then the rest.</summary>
    public IReadOnlyList<(CostCategory Category, bool InPlan)> Categories { get; private set; } = [];

    public bool PaidInCash => Chosen.Account.Kind != PaymentMethod.VirtualWallet;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var today = money.Today;
        var account = Chosen.Account;
        if (!ModelState.TryGetValue(nameof(SpentOn), out var dateState) || dateState.Errors.Count == 0)
        {
            if (SpentOn is null)
            {
                ModelState.AddModelError(nameof(SpentOn), "Enter the date you paid");
            }
            else if (SpentOn > today)
            {
                ModelState.AddModelError(nameof(SpentOn), "The date you paid must be today or in the past");
            }
            else if (SpentOn < account.OpenedOn)
            {
                ModelState.AddModelError(nameof(SpentOn), $"The date you paid must be on or after {account.OpenedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, when the account opened");
            }
        }
        var amount = Money.TryParsePounds(Amount);
        if (string.IsNullOrWhiteSpace(Amount))
        {
            ModelState.AddModelError(nameof(Amount), "Enter how much you paid");
        }
        else if (amount is null)
        {
            ModelState.AddModelError(nameof(Amount), "Enter how much you paid in pounds and pence, like 12.50");
        }
        else if (amount.Value.Pence <= 0)
        {
            ModelState.AddModelError(nameof(Amount), "How much you paid must be more than £0.00");
        }
        else if (amount.Value.Pence > 1_000_000)
        {
            ModelState.AddModelError(nameof(Amount), "How much you paid must be £10,000.00 or less. For more, contact us");
        }
        ModelState.Remove(nameof(Category));
        if (Category is null || !Enum.IsDefined(Category.Value))
        {
            ModelState.AddModelError(nameof(Category), "Choose what kind of support it was for");
        }
        var description = Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            ModelState.AddModelError(nameof(Description), "Enter what you paid for");
        }
        else if (description.Length > 200)
        {
            ModelState.AddModelError(nameof(Description), "What you paid for must be 200 characters or fewer");
        }
        byte[]? content = null;
        string? contentType = null;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > ReceiptFiles.MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), "The receipt must be 5 MB or smaller. Try a smaller photo, or take the photo again at a lower size");
            }
            else
            {
                using var stream = new MemoryStream();
                await Upload.CopyToAsync(stream);
                content = stream.ToArray();
                contentType = ReceiptFiles.ContentType(content);
                if (contentType is null)
                {
                    ModelState.AddModelError(nameof(Upload), "The receipt must be a photo (JPEG or PNG) or a PDF");
                    content = null;
                }
            }
        }
        else if (Upload is { Length: 0 })
        {
            ModelState.AddModelError(nameof(Upload), "The file you chose is empty. Choose the photo or PDF of your receipt again");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var who = Who.From(User);
        var receipt = new Receipt
        {
            Id = money.NewId(),
            CouncilId = account.CouncilId,
            AccountId = account.Id,
            SpentOn = SpentOn!.Value,
            AmountPence = amount!.Value.Pence,
            Category = Category!.Value,
            Description = description!,
            PaidInCash = PaidInCash,
            FileName = content is null ? null : SafeName(Upload!.FileName, contentType!),
            ContentType = contentType,
            Content = content,
            ByUserId = User.UserId(),
            ByName = who.Name,
            RecordedAt = money.Now,
        };
        db.Receipts.Add(receipt);
        money.Post([new LedgerEntry
        {
            CouncilId = account.CouncilId,
            AccountId = account.Id,
            Debit = LedgerBook.Spending,
            Credit = PaidInCash ? LedgerBook.Cash : LedgerBook.Wallet,
            AmountPence = receipt.AmountPence,
            OccurredOn = receipt.SpentOn,
            Source = EntrySource.Receipt,
            SourceId = receipt.Id,
            LineNumber = 1,
            Description = receipt.Description,
            Category = receipt.Category,
        }], "money.receipt.posted", nameof(Receipt), receipt.Id.ToString(), account.PersonId);
        await db.SaveChangesAsync();
        TempData["Success"] = $"We have recorded {amount} for {receipt.Description}";
        return Redirect("/my-direct-payment/wallet" + Query);
    }

    /// <summary>A file name safe to send back: letters, digits, dots, dashes and spaces, ending in the checked type's extension.</summary>
    private static string SafeName(string name, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(name ?? "");
        var clean = new string([.. stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').Take(80)]).Trim();
        return (clean.Length == 0 ? "receipt" : clean) + ReceiptFiles.Extension(contentType);
    }

    private async Task<bool> LoadAsync()
    {
        var choices = await PersonWallets.ListAsync(db, money, User);
        if (PersonWallets.Pick(choices, AccountId) is not { } chosen)
        {
            return false;
        }
        Chosen = chosen;
        Query = PersonWallets.Query(chosen, choices);
        var planned = await money.PlannedWeeklyByCategoryAsync(chosen.Account.ArrangementId);
        Categories = [.. Enum.GetValues<CostCategory>().Select(c => (c, planned.ContainsKey(c))).OrderBy(x => x.Item2 ? 0 : 1).ThenBy(x => x.c)];
        return true;
    }
}
