using System.Globalization;
using System.Security.Claims;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance;

/// <summary>
/// The money capability's glue between the Domain rules and the database (issue #4): finding an
/// account the user may see, opening an account and its payment schedule when a direct payment
/// starts, posting entries with their audit entry, and deriving balances from the ledger.
/// Pages, the API, the CLI and the jobs all use it, so they behave the same.
/// </summary>
public sealed class MoneyActions(DpDbContext db, TimeProvider clock)
{
    public DateOnly Today => clock.TodayInEngland();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Guid NewId() => Guid.CreateVersion7(clock.GetUtcNow());

    /// <summary>The accounts this user may see: those of the people they may see (<see cref="PersonAccessRules"/>).</summary>
    public IQueryable<DpAccount> VisibleAccounts(ClaimsPrincipal user)
    {
        var people = db.VisiblePeople(user).Select(p => p.Id);
        return db.DpAccounts.Where(a => people.Contains(a.PersonId));
    }

    /// <summary>The account if this user may see it; null means answer 404.</summary>
    public Task<DpAccount?> FindVisibleAccountAsync(ClaimsPrincipal user, Guid accountId, bool tracking = false)
    {
        var query = VisibleAccounts(user).Where(a => a.Id == accountId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }

    /// <summary>The arrangement's open account (the newest if it ever had more than one), or null.</summary>
    public Task<DpAccount?> AccountForArrangementAsync(Guid arrangementId) =>
        db.DpAccounts.AsNoTracking().Where(a => a.ArrangementId == arrangementId)
            .OrderBy(a => a.ClosedOn != null).ThenByDescending(a => a.OpenedOn).FirstOrDefaultAsync();

    /// <summary>The schedule in force on a date for an arrangement, or null.</summary>
    public Task<PaymentSchedule?> ScheduleOnAsync(Guid arrangementId, DateOnly on) =>
        db.PaymentSchedules.AsNoTracking()
            .Where(s => s.ArrangementId == arrangementId && s.StartsOn <= on && (s.EndsOn == null || s.EndsOn > on))
            .OrderByDescending(s => s.StartsOn).FirstOrDefaultAsync();

    /// <summary>
    /// Opens the direct payment account and its payment schedule when a direct payment becomes active,
    /// from the approved funding decision. Does nothing if the arrangement already has an open account.
    /// </summary>
    public async Task<DpAccount?> OpenAccountAsync(Arrangement arrangement, Who who)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(who);
        var existing = await db.DpAccounts.Where(a => a.ArrangementId == arrangement.Id && a.ClosedOn == null).FirstOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }
        var funding = await db.FundingDecisions.AsNoTracking()
            .Where(d => d.ArrangementId == arrangement.Id && (d.Outcome == FundingOutcome.Approved || d.Outcome == FundingOutcome.ApprovedDifferentAmount))
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync();
        if (funding is null)
        {
            return null;
        }
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        var starts = arrangement.FirstPaymentOn ?? Today;
        var account = new DpAccount
        {
            Id = NewId(),
            CouncilId = arrangement.CouncilId,
            ArrangementId = arrangement.Id,
            PersonId = arrangement.PersonId,
            Kind = arrangement.PaymentMethod ?? PaymentMethod.PrepaymentCard,
            Reference = arrangement.Reference,
            HolderName = $"{person.GivenName} {person.FamilyName}",
            OpenedOn = starts,
            CreatedAt = Now,
        };
        db.DpAccounts.Add(account);
        db.PaymentSchedules.Add(new PaymentSchedule
        {
            Id = NewId(),
            CouncilId = arrangement.CouncilId,
            ArrangementId = arrangement.Id,
            AccountId = account.Id,
            FundingDecisionId = funding.Id,
            StartsOn = starts,
            Frequency = funding.Frequency,
            Basis = funding.Basis,
            WeeklyBudgetPence = funding.DecidedWeeklyPence ?? funding.ProposedWeeklyPence,
            WeeklyContributionPence = funding.ContributionWeeklyPence,
            OneOffPence = funding.OneOffPence,
            CreatedAt = Now,
            CreatedByName = who.Name,
        });
        return account;
    }

    /// <summary>
    /// Adds entries to the ledger with one audit entry describing them, after checking each one. The
    /// caller saves, so the entries and the record they came from are written in one transaction.
    /// </summary>
    public void Post(IReadOnlyList<LedgerEntry> entries, string action, string recordType, string recordId, Guid? personId = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (LedgerRules.Problem(entry) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
            if (entry.RecordedAt == default)
            {
                entry.RecordedAt = Now;
            }
        }
        db.LedgerEntries.AddRange(entries);
        var total = new Money(entries.Sum(e => e.AmountPence));
        db.RecordAudit(action, recordType, recordId, personId,
            details: string.Create(CultureInfo.InvariantCulture, $"{entries.Count} ledger entries, {total} in all"));
    }

    /// <summary>Every book's balance for one account, summed by the database from the entries.</summary>
    public async Task<IReadOnlyDictionary<LedgerBook, Money>> BalancesAsync(Guid accountId)
    {
        var debits = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId)
            .GroupBy(e => e.Debit).Select(g => new { Book = g.Key, Pence = g.Sum(e => e.AmountPence) }).ToListAsync();
        var credits = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId)
            .GroupBy(e => e.Credit).Select(g => new { Book = g.Key, Pence = g.Sum(e => e.AmountPence) }).ToListAsync();
        var balances = Enum.GetValues<LedgerBook>().ToDictionary(b => b, _ => Money.Zero);
        foreach (var d in debits)
        {
            balances[d.Book] += new Money(d.Pence);
        }
        foreach (var c in credits)
        {
            balances[c.Book] -= new Money(c.Pence);
        }
        return balances;
    }

    /// <summary>The planned weekly spend: the agreed (or newest) support plan's weekly costs, by category.</summary>
    public async Task<IReadOnlyDictionary<CostCategory, Money>> PlannedWeeklyByCategoryAsync(Guid arrangementId)
    {
        var plan = await db.SupportPlans.AsNoTracking().Include(p => p.Costs)
            .Where(p => p.ArrangementId == arrangementId)
            .OrderBy(p => p.Status == PlanStatus.Agreed ? 0 : 1).ThenByDescending(p => p.Version)
            .FirstOrDefaultAsync();
        return plan is null
            ? new Dictionary<CostCategory, Money>()
            : plan.Costs.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => new Money(g.Sum(c => c.WeeklyPence)));
    }
}
