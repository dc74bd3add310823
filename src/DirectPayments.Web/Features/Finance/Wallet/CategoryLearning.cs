using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// Notes on ledger entries and what the service learns from them (issue #4, item 4): when someone
/// chooses a category by hand for a line with a payee, a learned rule sorts that payee's future
/// payments the same way, unless a rule someone wrote already covers the payee. A note never raises
/// an alarm; the entry itself never changes.
/// </summary>
public sealed class CategoryLearning(DpDbContext db, MoneyActions money)
{
    /// <summary>What happened, for the page to say: the rule learned (or kept), if any.</summary>
    public sealed record Outcome(EntryNote Note, string? Learned);

    /// <summary>
    /// Adds a note to an entry of the account (a category, an explanation, or both) and learns a rule
    /// from a chosen category. The caller saves, so the note and the rule are written together.
    /// </summary>
    public async Task<Outcome> NoteAsync(DpAccount account, LedgerEntry entry, CostCategory? category, string? explanation, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(user);
        var who = Who.From(user);
        var note = new EntryNote
        {
            Id = money.NewId(),
            CouncilId = account.CouncilId,
            AccountId = account.Id,
            EntryId = entry.Id,
            Category = category,
            Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim(),
            ByUserId = user.UserId(),
            ByName = who.Name,
            At = money.Now,
        };
        db.EntryNotes.Add(note);
        db.RecordAudit("money.entry.noted", nameof(LedgerEntry), entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), account.PersonId,
            details: category is null ? "Explanation added" : $"Category chosen: {category}");
        string? learned = null;
        if (category is { } chosen && CategoryRuleRules.Normalise(entry.Payee) is { Length: >= 3 } payee)
        {
            learned = await LearnAsync(payee, chosen, who);
        }
        return new Outcome(note, learned);
    }

    /// <summary>Adds or updates the learned rule for a payee; says what was learned, or null when a written rule covers it.</summary>
    public async Task<string?> LearnAsync(string payee, CostCategory category, Who who)
    {
        ArgumentNullException.ThrowIfNull(who);
        var rules = await db.CategoryRules.ToListAsync();
        if (CategoryRuleRules.WrittenRuleCovers(rules, payee))
        {
            return null;
        }
        var existing = rules.FirstOrDefault(r => string.Equals(r.Contains, payee, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            db.CategoryRules.Add(new CategoryRule
            {
                Id = money.NewId(),
                Contains = payee.Length > CategoryRuleRules.MaxLength ? payee[..CategoryRuleRules.MaxLength] : payee,
                Category = category,
                Learned = true,
                CreatedAt = money.Now,
                CreatedByName = who.Name,
            });
        }
        else if (existing.Category != category)
        {
            existing.Category = category;
        }
        return $"We will sort future payments to {payee} as {category.Label()}";
    }
}
