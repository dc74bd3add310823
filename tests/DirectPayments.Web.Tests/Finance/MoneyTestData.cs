using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>Records the monitoring tests and the access tables need.</summary>
public static class MoneyTestData
{
    /// <summary>A monitoring flag on the account: the one monitoring raised, or a new open one if it raised none.</summary>
    public static async Task<Guid> FlagForAsync(DpDbContext db, Guid accountId)
    {
        var existing = await db.MoneyFlags.Where(f => f.AccountId == accountId).OrderBy(f => f.RaisedOn).Select(f => (Guid?)f.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var account = await db.DpAccounts.SingleAsync(a => a.Id == accountId);
        var flag = new MoneyFlag
        {
            Id = Guid.NewGuid(), AccountId = accountId, ArrangementId = account.ArrangementId, Kind = FlagKind.BalanceAboveContingency,
            RaisedOn = DateOnly.FromDateTime(DateTime.UtcNow), Facts = "Planted by a test.", Status = FlagStatus.Open,
        };
        db.MoneyFlags.Add(flag);
        await db.SaveChangesAsync();
        return flag.Id;
    }
}
