using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>
/// An account's oversight level and why (issue #4, item 7), for staff pages, the API and the
/// person's wallet. Works in the acting council; the caller checks the user may see the account.
/// </summary>
public sealed class OversightQuery(DpDbContext db)
{
    /// <summary>The account's oversight on <paramref name="today"/>, or null when it has no schedule yet.</summary>
    public async Task<Oversight?> ForAccountAsync(Guid accountId, DateOnly today, CancellationToken ct = default)
    {
        var all = await FactsAsync(today, accountId, ct);
        if (!all.TryGetValue(accountId, out var facts))
        {
            return null;
        }
        var settings = await MonitoringSettingsQuery.CurrentAsync(db, today, ct);
        return OversightRules.Score(facts, settings, today);
    }

    /// <summary>Every active account's oversight facts in the acting council (or one account's).</summary>
    public async Task<Dictionary<Guid, OversightFacts>> FactsAsync(DateOnly today, Guid? onlyAccount = null, CancellationToken ct = default)
    {
        var accounts = db.DpAccounts.AsNoTracking().Where(a => onlyAccount == null || a.Id == onlyAccount);
        var rows = await (from a in accounts
                          join ar in db.Arrangements.AsNoTracking() on a.ArrangementId equals ar.Id
                          where onlyAccount != null || (ar.Stage == Stage.Active && a.ClosedOn == null)
                          select new { a.Id, a.Kind, ar.WillEmployPersonalAssistant }).ToListAsync(ct);
        var schedules = (await db.PaymentSchedules.AsNoTracking().Where(s => onlyAccount == null || s.AccountId == onlyAccount)
            .Select(s => new { s.AccountId, s.StartsOn, s.EndsOn, s.WeeklyBudgetPence }).ToListAsync(ct)).ToLookup(s => s.AccountId);
        var outcomes = (await db.MoneyFlags.AsNoTracking().Where(f => f.Outcome != null && (onlyAccount == null || f.AccountId == onlyAccount))
            .Select(f => new { f.AccountId, f.Outcome }).ToListAsync(ct)).ToLookup(f => f.AccountId, f => f.Outcome!.Value);
        var result = new Dictionary<Guid, OversightFacts>();
        foreach (var row in rows)
        {
            var own = schedules[row.Id].OrderBy(s => s.StartsOn).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var inForce = own.LastOrDefault(s => s.StartsOn <= today && (s.EndsOn is null || s.EndsOn > today)) ?? own[^1];
            result[row.Id] = new OversightFacts(own[0].StartsOn, outcomes[row.Id].ToList(), row.WillEmployPersonalAssistant, row.Kind, inForce.WeeklyBudgetPence);
        }
        return result;
    }

    /// <summary>The reclaims made from an account, newest first, with their reasons: for the person's wallet.</summary>
    public Task<List<Reclaim>> ReclaimsAsync(Guid accountId, CancellationToken ct = default) =>
        db.Reclaims.AsNoTracking().Where(r => r.AccountId == accountId).OrderByDescending(r => r.RecordedAt).ToListAsync(ct);
}
