using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>
/// Chooses each council's monthly audit sample (issue #4, item 7) in proportion to oversight
/// scores, and opens a MoneyAudit task for finance per account chosen. Choosing twice for one month
/// changes nothing.
/// </summary>
public sealed class AuditSampleChooser(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Chooses the sample for the month containing <paramref name="today"/> in every council that has none yet; returns how many accounts were chosen.</summary>
    public async Task<int> ChooseAsync(DateOnly today, CancellationToken ct)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        List<Guid> councils;
        using (var scope = scopes.CreateScope())
        {
            councils = await scope.ServiceProvider.GetRequiredService<DpDbContext>().Councils.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        }
        var chosenTotal = 0;
        foreach (var councilId in councils)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
            db.Actor.System(MonitoringRun.ActorName, councilId);
            if (await db.AuditSamples.AnyAsync(s => s.Month == month, ct))
            {
                continue;
            }
            var settings = await MonitoringSettingsQuery.CurrentAsync(db, today, ct);
            var facts = await new OversightQuery(db).FactsAsync(today, ct: ct);
            var scored = facts.ToDictionary(f => f.Key, f => OversightRules.Score(f.Value, settings, today));
            var size = AuditSampling.SampleSize(scored.Count, settings.AuditSamplePerMille);
            var chosen = AuditSampling.Choose(councilId, month, scored.Select(s => (s.Key, s.Value.Score)), size);
            var accounts = await db.DpAccounts.AsNoTracking().Where(a => chosen.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var now = clock.GetUtcNow();
            foreach (var id in chosen)
            {
                var oversight = scored[id];
                var account = accounts[id];
                db.AuditSamples.Add(new AuditSample
                {
                    Id = Guid.CreateVersion7(now), Month = month, AccountId = id, Score = oversight.Score,
                    Reasons = $"{FlagText.Level(oversight.Level)} oversight, score {oversight.Score.ToString(CultureInfo.InvariantCulture)}: {oversight.Reasons}",
                    ChosenAt = now.UtcDateTime,
                });
                db.Tasks.Add(new CaseTask
                {
                    Id = Guid.CreateVersion7(now), ArrangementId = account.ArrangementId, PersonId = account.PersonId, Kind = TaskKind.MoneyAudit,
                    DueOn = month.AddMonths(1).AddDays(-1),
                    Notes = $"Chosen for the {month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} audit sample (score {oversight.Score.ToString(CultureInfo.InvariantCulture)}). Record the findings on the audit sample page.",
                    CreatedAt = now.UtcDateTime,
                });
            }
            db.RecordAudit("Audit sample chosen", "AuditSample", month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                details: string.Create(CultureInfo.InvariantCulture, $"{chosen.Count} of {scored.Count} active accounts chosen, {settings.AuditSamplePerMille} per mille, seed council {councilId:N} month {month:yyyy-MM}."));
            await db.SaveChangesAsync(ct);
            chosenTotal += chosen.Count;
        }
        return chosenTotal;
    }
}
