using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>What the arrangement overview shows about payments: the schedule, the next payment and the contribution.</summary>
public sealed record PaymentsSummary(PaymentSchedule Schedule, Stage Stage, DateOnly? NextDueOn, Money NextAmount, Money Contribution, DateOnly? LastPaidOn);

/// <summary>A short "Payments" card for the arrangement overview; nothing when the direct payment has no schedule yet.</summary>
public sealed class PaymentsSummaryViewComponent(DpDbContext db, MoneyActions money) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid arrangementId)
    {
        var today = money.Today;
        var schedules = await db.PaymentSchedules.AsNoTracking().Where(s => s.ArrangementId == arrangementId).ToListAsync();
        var current = schedules.Where(s => s.StartsOn <= today).OrderByDescending(s => s.StartsOn).FirstOrDefault()
            ?? schedules.OrderBy(s => s.StartsOn).FirstOrDefault();
        if (current is null)
        {
            return Content("");
        }
        var stage = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Stage).SingleAsync();
        var next = schedules.Select(s => PaymentRules.NextDueAfter(s, today.AddDays(-1))).Where(d => d is not null).Min();
        var nextAmount = next is { } on
            ? Money.Sum(PaymentRules.PaymentsDue(schedules, on).Where(d => d.DueOn == on).Select(d => d.Amount))
            : Money.Zero;
        var paidOn = await db.PaymentRunLines.AsNoTracking().Where(l => l.ArrangementId == arrangementId)
            .Join(db.PaymentRuns, l => l.RunId, r => r.Id, (l, r) => r.PayOn).Distinct().ToListAsync();
        DateOnly? lastPaid = paidOn.Count == 0 ? null : paidOn.Max();
        return View("/Features/Finance/Payments/_PaymentsSummary.cshtml",
            new PaymentsSummary(current, stage, next, nextAmount, PaymentRules.ContributionPerPeriod(current), lastPaid));
    }
}
