using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>
/// The demo's monitoring (issue #4, items 5 to 7), seeded last: runs the real monitoring for today
/// over whatever money the demo holds, and records one supportive conversation's outcome, so the
/// flags, conversation and oversight pages have something to show.
/// </summary>
public sealed class MoneyMonitoringDemo(DpDbContext db, MonitoringRun run, ReclaimActions actions, TimeProvider clock)
{
    public async Task SeedAsync(Guid councilId, CancellationToken ct = default)
    {
        await run.RunAsync(clock.TodayInEngland(), incremental: false, ct);
        db.Actor.System("seed", councilId);
        var leo = await db.People.AsNoTracking().Where(p => p.Reference == "EX-000102").Select(p => p.Id).SingleOrDefaultAsync(ct);
        var flag = await (from f in db.MoneyFlags
                          join a in db.DpAccounts on f.AccountId equals a.Id
                          where a.PersonId == leo && f.Status == FlagStatus.Open
                          orderby f.Kind
                          select f).FirstOrDefaultAsync(ct);
        if (flag is null)
        {
            return;
        }
        await actions.RecordOutcomeAsync(flag, ConversationOutcome.SupportOffered,
            "Spoke to Grace, Leo's mother. The Saturday club had a waiting list and Leo started three weeks ago; receipts for the first sessions are on their way. " +
            "We offered help from the support service to find a sessional worker for swimming, and Grace said yes.",
            new Who(null, "Sam Carter"), ct);
        await db.SaveChangesAsync(ct);
    }
}
