using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>One account's contributions to a date, with the person and arrangement they belong to.</summary>
public sealed record ContributionRow(Guid AccountId, Guid ArrangementId, Guid PersonId, string PersonName, string PersonReference, string ArrangementReference,
    Stage Stage, ContributionPosition Position);

/// <summary>How a contribution the council collected was paid.</summary>
public enum ContributionMethod
{
    BankTransfer,
    DirectDebit,
    Card,
    Cheque,
    Cash,
}

/// <summary>
/// The person's contributions (RULES.md section 10.4): expected to a date from the schedules against what was
/// received. Net: the person pays into the account, so Person to Wallet entries count; gross: the council
/// collects, so Person to Council entries count. A finance officer records money the council collected.
/// </summary>
public sealed class Contributions(DpDbContext db, MoneyActions money)
{
    public static string Label(ContributionMethod method) => method switch
    {
        ContributionMethod.BankTransfer => "Bank transfer",
        ContributionMethod.DirectDebit => "Direct Debit",
        ContributionMethod.Card => "Debit or credit card",
        ContributionMethod.Cheque => "Cheque",
        ContributionMethod.Cash => "Cash",
    };

    /// <summary>Every account (in the council) with a contribution, where it stands on <paramref name="on"/>.</summary>
    public async Task<IReadOnlyList<ContributionRow>> AllAsync(DateOnly on, Guid? accountId = null)
    {
        var schedules = await db.PaymentSchedules.AsNoTracking().Where(s => accountId == null || s.AccountId == accountId).ToListAsync();
        var withContribution = schedules.GroupBy(s => s.AccountId).Where(g => g.Any(s => s.WeeklyContributionPence > 0)).ToDictionary(g => g.Key, g => g.ToList());
        var ids = withContribution.Keys.ToList();
        var accounts = await db.DpAccounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Arrangements, a => a.ArrangementId, r => r.Id, (a, r) => new { a.Id, a.ArrangementId, a.PersonId, r.Reference, r.Stage })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.Id, x.ArrangementId, x.PersonId, x.Reference, x.Stage, p.GivenName, p.FamilyName, PersonReference = p.Reference })
            .ToListAsync();
        var received = await db.LedgerEntries.AsNoTracking()
            .Where(e => ids.Contains(e.AccountId) && e.Credit == LedgerBook.Person && (e.Debit == LedgerBook.Wallet || e.Debit == LedgerBook.Council) && e.OccurredOn <= on)
            .GroupBy(e => new { e.AccountId, e.Debit }).Select(g => new { g.Key.AccountId, g.Key.Debit, Pence = g.Sum(e => e.AmountPence) }).ToListAsync();
        return [.. accounts.Select(a =>
        {
            var list = withContribution[a.Id];
            var basis = list.Where(s => s.StartsOn <= on).OrderByDescending(s => s.StartsOn).Select(s => (PaymentBasis?)s.Basis).FirstOrDefault() ?? list[0].Basis;
            var into = basis == PaymentBasis.Net ? LedgerBook.Wallet : LedgerBook.Council;
            var got = new Money(received.Where(r => r.AccountId == a.Id && r.Debit == into).Sum(r => r.Pence));
            return new ContributionRow(a.Id, a.ArrangementId, a.PersonId, $"{a.GivenName} {a.FamilyName}", a.PersonReference, a.Reference, a.Stage,
                PaymentRules.Contributions(list, got, on));
        })];
    }

    /// <summary>Records a contribution the council received for a gross account: Person to Council, with one audit entry.</summary>
    public async Task<long> RecordAsync(DpAccount account, Money amount, DateOnly receivedOn, ContributionMethod method)
    {
        ArgumentNullException.ThrowIfNull(account);
        var sourceId = money.NewId();
        var entry = new LedgerEntry
        {
            CouncilId = account.CouncilId,
            AccountId = account.Id,
            Debit = LedgerBook.Council,
            Credit = LedgerBook.Person,
            AmountPence = amount.Pence,
            OccurredOn = receivedOn,
            Source = EntrySource.Contribution,
            SourceId = sourceId,
            LineNumber = 1,
            Description = $"Contribution received: {Label(method)}",
            Payee = "Council",
        };
        db.Actor.Reason = "Contribution received by the council";
        money.Post([entry], "contribution.recorded", nameof(DpAccount), account.Id.ToString(), account.PersonId);
        await db.SaveChangesAsync();
        return entry.Id;
    }
}
