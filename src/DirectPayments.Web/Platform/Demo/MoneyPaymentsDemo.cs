using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Features.Finance.Payments;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>
/// The demo council's payment history, made by the real payment-run service: bank details for every account
/// that needs them, one confirmed run on each past due date (so each payment was made on time, in advance),
/// and the person's own contributions paid into a net account, except the latest one. The next payment
/// stays due, so the pages show an upcoming payment. Runs for the council the seed user is acting in.
/// </summary>
public sealed class MoneyPaymentsDemo(DpDbContext db, PaymentRuns runs, MoneyActions money)
{
    public async Task SeedAsync(DateOnly today)
    {
        var accounts = await db.DpAccounts.OrderBy(a => a.Reference).ToListAsync();
        var n = 0;
        foreach (var account in accounts.Where(a => a.Kind != PaymentMethod.VirtualWallet))
        {
            n++;
            // Sort codes and account numbers in the style of the Bacs test ranges: not real accounts.
            account.SortCode ??= string.Create(CultureInfo.InvariantCulture, $"20{40 + n:D2}{10 + n:D2}");
            account.AccountNumber ??= string.Create(CultureInfo.InvariantCulture, $"{31_000_000 + (n * 7_919):D8}");
        }
        db.Actor.Reason = "Demo bank details";
        await db.SaveChangesAsync();

        var schedules = await db.PaymentSchedules.AsNoTracking().ToListAsync();
        var dueDates = schedules.SelectMany(s => PaymentRules.DueDates(s, today)).Distinct().Order().ToList();
        foreach (var payOn in dueDates)
        {
            if ((await runs.PlanAsync(payOn)).Lines.Count == 0)
            {
                continue;
            }
            var run = await runs.CreateDraftAsync(payOn, Who.System);
            await runs.ConfirmAsync(run.Id, Who.System);
        }

        // Contributions paid into net accounts on the day after each payment, all but the latest.
        foreach (var group in schedules.Where(s => s.Basis == PaymentBasis.Net && s.WeeklyContributionPence > 0).GroupBy(s => s.AccountId))
        {
            var account = accounts.Single(a => a.Id == group.Key);
            var entries = new List<LedgerEntry>();
            foreach (var schedule in group)
            {
                var dates = PaymentRules.DueDates(schedule, today).ToList();
                foreach (var due in dates.Take(Math.Max(0, dates.Count - 1)).Where(d => d.AddDays(1) <= today))
                {
                    entries.Add(new LedgerEntry
                    {
                        CouncilId = account.CouncilId,
                        AccountId = account.Id,
                        Debit = LedgerBook.Wallet,
                        Credit = LedgerBook.Person,
                        AmountPence = PaymentRules.ContributionPerPeriod(schedule).Pence,
                        OccurredOn = due.AddDays(1),
                        Source = EntrySource.Contribution,
                        SourceId = money.NewId(),
                        LineNumber = 1,
                        Description = "Contribution paid in",
                        Payee = account.HolderName,
                    });
                }
            }
            if (entries.Count > 0)
            {
                db.Actor.Reason = "Demo contributions paid into the account";
                money.Post(entries, "contribution.recorded", nameof(DpAccount), account.Id.ToString(), account.PersonId);
                await db.SaveChangesAsync();
            }
        }
    }
}
