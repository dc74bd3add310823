using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// "Tell us what this was for": the person's one-line explanation of a payment, and a category if
/// they know it (issue #4, item 4). Saved as a note; it never raises an alarm. A chosen category
/// teaches the service how to sort that payee's future payments.
/// </summary>
/// <remarks>For the person only; staff who may see the account are told 403, anyone else 404 (the record first).</remarks>
[Authorize(Policy = Policies.ViewTransactions)]
public sealed class ExplainModel(DpDbContext db, MoneyActions money, CategoryLearning learning) : PageModel
{
    public const int MaxLength = 200;

    [FromRoute] public long EntryId { get; set; }

    [BindProperty] public string? Explanation { get; set; }

    [BindProperty] public CostCategory? Category { get; set; }

    public LedgerEntry Entry { get; private set; } = null!;

    public PersonWallets.Choice Chosen { get; private set; } = null!;

    public string Query { get; private set; } = "";

    public IReadOnlyList<(CostCategory Category, bool InPlan)> Categories { get; private set; } = [];

    public Money Amount => new(Entry.AmountPence);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Refusal;

    private IActionResult Refusal { get; set; } = null!;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Refusal;
        }
        ModelState.Remove(nameof(Category));
        var words = Explanation?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            ModelState.AddModelError(nameof(Explanation), "Enter a few words about what the payment was for");
        }
        else if (words.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Explanation), $"Keep it to {MaxLength} characters or fewer");
        }
        if (Category is { } c && !Enum.IsDefined(c))
        {
            Category = null;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await learning.NoteAsync(Chosen.Account, Entry, Category, words, User);
        await db.SaveChangesAsync();
        TempData["Success"] = outcome.Learned is { } learned ? $"Thank you, we have added your note. {learned}" : "Thank you, we have added your note";
        return Redirect("/my-direct-payment/wallet" + Query + "#transactions");
    }

    private async Task<bool> LoadAsync()
    {
        Refusal = NotFound();
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == EntryId);
        if (entry is null || entry.Debit != LedgerBook.Spending || await money.FindVisibleAccountAsync(User, entry.AccountId) is null)
        {
            return false;
        }
        if (User.AppRole() != Role.Person)
        {
            Refusal = Forbid();
            return false;
        }
        var choices = await PersonWallets.ListAsync(db, money, User);
        if (choices.FirstOrDefault(c => c.Account.Id == entry.AccountId) is not { } chosen)
        {
            return false;
        }
        (Entry, Chosen, Query) = (entry, chosen, PersonWallets.Query(chosen, choices));
        var planned = await money.PlannedWeeklyByCategoryAsync(chosen.Account.ArrangementId);
        Categories = [.. Enum.GetValues<CostCategory>().Select(k => (k, planned.ContainsKey(k))).OrderBy(x => x.Item2 ? 0 : 1).ThenBy(x => x.k)];
        return true;
    }
}
