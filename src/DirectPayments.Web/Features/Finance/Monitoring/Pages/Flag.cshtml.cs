using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>
/// One flag: the facts, a suggested opening, the person's own explanations and spending by category,
/// and the form to record how the conversation ended (issue #4, item 6).
/// </summary>
[Authorize(Policy = Policies.SupportConversations)]
public sealed class FlagModel(DpDbContext db, MoneyActions money, ReclaimActions reclaims, IAuthorizationService authorization) : PageModel
{
    [FromRoute] public Guid FlagId { get; set; }

    [BindProperty] public ConversationOutcome? Outcome { get; set; }

    [BindProperty] public string? Notes { get; set; }

    public MoneyFlag Flag { get; private set; } = null!;

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public Money Balance { get; private set; }

    public IReadOnlyList<(DateOnly On, string Description, Money Amount, string Explanation)> Explanations { get; private set; } = [];

    public IReadOnlyList<(string Category, Money Spent, Money Planned)> Categories { get; private set; } = [];

    public bool CanReclaim { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(tracking: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (Flag.Status != FlagStatus.Open)
        {
            ModelState.AddModelError(nameof(Outcome), "This conversation has already been recorded");
            return Page();
        }
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "Choose how the conversation ended");
        }
        if (string.IsNullOrWhiteSpace(Notes))
        {
            ModelState.AddModelError(nameof(Notes), "Enter what was talked about and agreed");
        }
        else if (Notes.Length > 4000)
        {
            ModelState.AddModelError(nameof(Notes), "Notes must be 4,000 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await reclaims.RecordOutcomeAsync(Flag, Outcome!.Value, Notes!, Who.From(User));
        await db.SaveChangesAsync();
        if (Outcome is ConversationOutcome.AgreedReclaim or ConversationOutcome.RepaymentPlan && CanReclaim)
        {
            TempData["Success"] = "Conversation recorded. Now record the money to be returned";
            return Redirect($"/accounts/{Account.Id}/reclaims/new?flagId={Flag.Id}");
        }
        TempData["Success"] = "Conversation recorded";
        return Redirect("/money/flags");
    }

    private async Task<bool> LoadAsync(bool tracking)
    {
        var query = db.MoneyFlags.Where(f => f.Id == FlagId);
        var flag = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        if (flag is null || await money.FindVisibleAccountAsync(User, flag.AccountId) is not { } account)
        {
            return false;
        }
        (Flag, Account) = (flag, account);
        PersonName = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        Balance = (await money.BalancesAsync(account.Id))[LedgerBook.Wallet];
        var explained = await (from n in db.EntryNotes.AsNoTracking()
                               where n.AccountId == account.Id && n.Explanation != null
                               join e in db.LedgerEntries.AsNoTracking() on n.EntryId equals e.Id
                               orderby e.OccurredOn descending, n.At descending
                               select new { e.OccurredOn, e.Description, e.AmountPence, n.Explanation }).Take(20).ToListAsync();
        Explanations = explained.Select(x => (x.OccurredOn, x.Description, new Money(x.AmountPence), x.Explanation!)).ToList();
        var from = money.Today.AddDays(-83);
        var spent = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AccountId == account.Id && e.OccurredOn >= from && e.Credit == LedgerBook.Wallet && e.Debit == LedgerBook.Spending)
            .GroupBy(e => e.Category).Select(g => new { g.Key, Pence = g.Sum(e => e.AmountPence) }).ToListAsync();
        var planned = await money.PlannedWeeklyByCategoryAsync(account.ArrangementId);
        var keys = spent.Select(s => s.Key).Union(planned.Keys.Select(k => (CostCategory?)k)).Distinct().OrderBy(k => k is null).ThenBy(k => k);
        Categories = keys.Select(k => (k?.ToString() ?? "Not sorted yet",
            new Money(spent.Where(s => s.Key == k).Sum(s => s.Pence)),
            k is { } c && planned.TryGetValue(c, out var weekly) ? weekly * 12 : Money.Zero)).ToList();
        CanReclaim = (await authorization.AuthorizeAsync(User, Policies.RecordReclaim)).Succeeded;
        return true;
    }
}
