using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Finance.Wallet;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Accounts;

/// <summary>Why a member of staff opens an account's lines (issue #4, item 9).</summary>
public enum LineViewPurpose
{
    Audit,
    Conversation,
    PersonAsked,
}

/// <summary>
/// Line-level detail of an account, opened only after the member of staff gives a reason. The reason
/// is written to the audit trail ("money.lines.viewed") before any line is sent, and the access lasts
/// for that one view: each page, and each later visit, asks again. The person sees who looked and why.
/// </summary>
[Authorize(Policy = Policies.ViewTransactions)]
public sealed class TransactionsModel(DpDbContext db, MoneyActions money, WalletFigures figures, CategoryLearning learning) : PageModel
{
    public const int PageSize = 25;

    [FromRoute] public Guid AccountId { get; set; }

    [BindProperty] public LineViewPurpose? Purpose { get; set; }

    [BindProperty] public string? Detail { get; set; }

    [BindProperty(Name = "pageNo")] public int? PageNumber { get; set; }

    [BindProperty] public long? EntryId { get; set; }

    [BindProperty] public CostCategory? Category { get; set; }

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    /// <summary>Set only on the response to a reasoned request; null means show the reason form.</summary>
    public IReadOnlyList<TransactionRow>? Rows { get; private set; }

    public int PageNo { get; private set; } = 1;

    public int TotalPages { get; private set; } = 1;

    public static string PurposeLabel(LineViewPurpose purpose) => purpose switch
    {
        LineViewPurpose.Audit => "For an audit",
        LineViewPurpose.Conversation => "For a conversation with the person",
        LineViewPurpose.PersonAsked => "The person asked me to",
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Opens the lines for this view, after recording why.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ValidateReason())
        {
            return Page();
        }
        PageNo = Math.Max(1, PageNumber ?? 1);
        db.RecordAudit("money.lines.viewed", nameof(DpAccount), Account.Id.ToString(), Account.PersonId,
            reason: ReasonText(), details: string.Create(CultureInfo.InvariantCulture, $"Page {PageNo}"));
        await db.SaveChangesAsync();
        var (rows, total) = await figures.TransactionsAsync(Account.Id, PageNo, PageSize);
        Rows = rows;
        TotalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return Page();
    }

    /// <summary>Chooses a category for one line, as a note, and learns from it. The view closes afterwards.</summary>
    public async Task<IActionResult> OnPostCategoriseAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var entry = EntryId is { } id ? await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.AccountId == Account.Id) : null;
        if (entry is null || entry.Debit != LedgerBook.Spending)
        {
            return NotFound();
        }
        if (!ValidateReason())
        {
            return Page();
        }
        if (Category is not { } category || !Enum.IsDefined(category))
        {
            ModelState.AddModelError(nameof(Category), "Choose a category for the line");
            return Page();
        }
        var outcome = await learning.NoteAsync(Account, entry, category, null, User);
        db.Actor.Reason = ReasonText();
        await db.SaveChangesAsync();
        TempData["Success"] = $"The line is now sorted as {category.Label()}." + (outcome.Learned is { } learned ? $" {learned}." : "");
        return Redirect($"/accounts/{Account.Id}/transactions");
    }

    private string ReasonText() => $"{PurposeLabel(Purpose!.Value)}: {Detail!.Trim()}";

    private bool ValidateReason()
    {
        ModelState.Remove(nameof(Purpose));
        ModelState.Remove(nameof(Category));
        if (Purpose is not { } p || !Enum.IsDefined(p))
        {
            ModelState.AddModelError(nameof(Purpose), "Choose why you need to see the individual lines");
        }
        var detail = Detail?.Trim();
        if (string.IsNullOrEmpty(detail))
        {
            ModelState.AddModelError(nameof(Detail), "Enter a few words about the reason, such as the audit or conversation it is for");
        }
        else if (detail.Length > 300)
        {
            ModelState.AddModelError(nameof(Detail), "The reason must be 300 characters or fewer");
        }
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        var account = await money.FindVisibleAccountAsync(User, AccountId);
        if (account is null)
        {
            return false;
        }
        Account = account;
        PersonName = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        return true;
    }
}
