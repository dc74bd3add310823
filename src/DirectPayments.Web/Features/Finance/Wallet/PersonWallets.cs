using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>The accounts a signed-in person may use as their wallet: their own, and those of the people they represent.</summary>
public static class PersonWallets
{
    public sealed record Choice(DpAccount Account, string PersonName, bool Own);

    /// <summary>Every account this person can open, their own first, open accounts before closed ones.</summary>
    public static async Task<IReadOnlyList<Choice>> ListAsync(DpDbContext db, MoneyActions money, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(money);
        var userId = user.UserId() ?? Guid.Empty;
        var accounts = await money.VisibleAccounts(user).AsNoTracking()
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Account = a, p.GivenName, p.FamilyName })
            .ToListAsync();
        var self = await db.PersonAccess.AsNoTracking().Where(a => a.UserId == userId && a.Relationship == Relationship.Self)
            .Select(a => a.PersonId).ToListAsync();
        return [.. accounts
            .Select(x => new Choice(x.Account, x.GivenName + " " + x.FamilyName, self.Contains(x.Account.PersonId)))
            .OrderBy(c => c.Own ? 0 : 1).ThenBy(c => c.Account.ClosedOn is null ? 0 : 1).ThenBy(c => c.PersonName, StringComparer.Ordinal)
            .ThenByDescending(c => c.Account.OpenedOn)];
    }

    /// <summary>The chosen account, or the first one; null when the person has none (or chose one they may not see).</summary>
    public static Choice? Pick(IReadOnlyList<Choice> choices, Guid? accountId)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return accountId is { } id ? choices.FirstOrDefault(c => c.Account.Id == id) : choices.Count > 0 ? choices[0] : null;
    }

    /// <summary>"Your" or "Leo's", for headings.</summary>
    public static string Whose(Choice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Own ? "Your" : choice.PersonName.Split(' ')[0] + "'s";
    }

    /// <summary>The query string that keeps the chosen account across the wallet's pages.</summary>
    public static string Query(Choice choice, IReadOnlyList<Choice> all)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(all);
        return all.Count > 1 ? $"?account={choice.Account.Id}" : "";
    }
}
