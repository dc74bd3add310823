using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>
/// One import: its counts, the bad lines of a rejected file, the balance reconciliation, the entries
/// it posted, and forms to reverse one entry or the whole import with a reason.
/// </summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class ImportDetailsModel(DpDbContext db, LedgerReversals reversals) : PageModel
{
    public const int PageSize = 50;

    [FromRoute] public Guid ImportId { get; set; }

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public int? LineNumber { get; set; }

    [BindProperty] public string? EntryReason { get; set; }

    public StatementImport Import { get; private set; } = null!;

    public string? AccountReference { get; private set; }

    public sealed record Row(long Id, int LineNumber, DateOnly OccurredOn, string Description, LedgerBook Debit, LedgerBook Credit, long AmountPence,
        string? Category, bool Reversed, string? AccountReference);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public IReadOnlyList<string> ReportLines => Import.Report is null ? [] : Import.Report.Split('\n');

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostReverseImportAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var outcome = await reversals.ReverseImportAsync(ImportId, Reason, Who.From(User), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            return Page();
        }
        TempData["Success"] = $"The import was reversed: {outcome.Reversed:N0} entries, {new Domain.Money(outcome.TotalPence)} in all. The same file can now be imported again.";
        return Redirect($"/money/imports/{ImportId}");
    }

    public async Task<IActionResult> OnPostReverseEntryAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (LineNumber is null)
        {
            ModelState.AddModelError(nameof(LineNumber), "Enter the line number of the entry to reverse");
        }
        if (string.IsNullOrWhiteSpace(EntryReason))
        {
            ModelState.AddModelError(nameof(EntryReason), "Enter why the entry is being reversed");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var entry = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SourceId == ImportId && e.LineNumber == LineNumber && e.Source != EntrySource.Reversal)
            .Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        if (entry is null)
        {
            ModelState.AddModelError(nameof(LineNumber), $"Line {LineNumber} of this import did not post an entry; check the line number in the list");
            return Page();
        }
        var outcome = await reversals.ReverseEntryAsync(entry.Value, EntryReason, Who.From(User), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(LineNumber), problem);
            return Page();
        }
        TempData["Success"] = $"Line {LineNumber} was reversed ({new Domain.Money(outcome.TotalPence)}).";
        return Redirect($"/money/imports/{ImportId}");
    }

    private async Task<bool> LoadAsync()
    {
        var import = await db.StatementImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ImportId);
        if (import is null)
        {
            return false;
        }
        Import = import;
        AccountReference = import.AccountId is { } accountId
            ? await db.DpAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Reference).FirstOrDefaultAsync()
            : null;
        var page = Paging.Clamp(PageNumber);
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.SourceId == ImportId);
        var total = await entries.CountAsync();
        var reversed = db.LedgerEntries.Where(r => r.ReversesEntryId != null).Select(r => r.ReversesEntryId!.Value);
        Rows = await entries.OrderBy(e => e.LineNumber).ThenBy(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.LineNumber, e.OccurredOn, e.Description, e.Debit, e.Credit, e.AmountPence,
                e.Category == null ? null : e.Category.ToString(), reversed.Contains(e.Id),
                db.DpAccounts.Where(a => a.Id == e.AccountId).Select(a => a.Reference).FirstOrDefault()))
            .ToListAsync();
        Paging = new Paging(page, PageSize, total, n => $"/money/imports/{ImportId}?page={n}");
        return true;
    }

    /// <summary>What an entry did, in words.</summary>
    public static string Describe(LedgerBook debit, LedgerBook credit) => (debit, credit) switch
    {
        (LedgerBook.Spending, LedgerBook.Wallet) => "Spending",
        (LedgerBook.Cash, LedgerBook.Wallet) => "Cash withdrawal",
        (LedgerBook.Wallet, LedgerBook.Spending) => "Refund",
        (LedgerBook.Wallet, LedgerBook.Person) => "Paid in by the person",
        _ => $"{credit} to {debit}",
    };
}
