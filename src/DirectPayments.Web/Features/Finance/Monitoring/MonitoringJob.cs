using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>Settings for the nightly monitoring job (section "Monitoring" of appsettings).</summary>
public sealed class MonitoringJobSettings
{
    /// <summary>Whether this node runs the job; tests turn it off unless they test it.</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>The time of day, in England, at which the day's run is due ("02:00").</summary>
    public string JobTime { get; set; } = "02:00";

    /// <summary>How often a node checks whether the day's run is due.</summary>
    public int TickSeconds { get; set; } = 60;
}

/// <summary>
/// Runs monitoring once a day (docs/operations.md). Every web node ticks; the first to insert the
/// day's <see cref="JobRun"/> row (unique job and slot) runs it, and the others skip. The first run
/// of each month also chooses the month's audit sample.
/// </summary>
public sealed class MonitoringJob(IServiceScopeFactory scopes, MonitoringRun run, AuditSampleChooser sampler, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MonitoringJobSettings> options, ILogger<MonitoringJob> log) : BackgroundService
{
    public const string JobName = "money-monitoring";

    private static readonly TimeZoneInfo England = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>This node's name in <see cref="JobRun.Node"/>.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds)), clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The monitoring job failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The UTC start of the slot for the England date <paramref name="day"/>.</summary>
    public DateTime SlotFor(DateOnly day)
    {
        var time = TimeOnly.ParseExact(options.Value.JobTime, "HH:mm", CultureInfo.InvariantCulture);
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), England);
    }

    /// <summary>
    /// Runs the day's monitoring if its time has come and no node has claimed it; returns the outcome,
    /// or null when there was nothing to do (too early, or another node has the slot).
    /// </summary>
    public async Task<MonitorOutcome?> TickAsync(CancellationToken ct)
    {
        var today = clock.TodayInEngland();
        var slot = SlotFor(today);
        if (clock.GetUtcNow().UtcDateTime < slot)
        {
            return null;
        }
        var claim = new JobRun { Id = Guid.CreateVersion7(clock.GetUtcNow()), Job = JobName, Slot = slot, Node = Node, StartedAt = clock.GetUtcNow().UtcDateTime };
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
            if (await db.JobRuns.AnyAsync(r => r.Job == JobName && r.Slot == slot, ct))
            {
                return null;
            }
            db.JobRuns.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node inserted the slot first: it runs the job.
                return null;
            }
        }
        string outcome;
        MonitorOutcome? result = null;
        try
        {
            var firstOfMonth = !await AnyEarlierRunThisMonthAsync(today, slot, ct);
            result = await run.RunAsync(today, incremental: true, ct);
            var sampled = firstOfMonth ? await sampler.ChooseAsync(today, ct) : 0;
            var sample = firstOfMonth ? string.Create(CultureInfo.InvariantCulture, $"; chose {sampled} accounts for the month's audit sample.") : ".";
            outcome = string.Create(CultureInfo.InvariantCulture,
                $"Checked {result.AccountsChecked} accounts in {result.Councils} councils; raised {result.RaisedTotal} flags{sample}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = "Failed: " + e.Message;
            log.LogError(e, "Monitoring failed for {Today}", today);
        }
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
            var row = await db.JobRuns.SingleAsync(r => r.Id == claim.Id, ct);
            row.FinishedAt = clock.GetUtcNow().UtcDateTime;
            row.Outcome = outcome.Length > 2000 ? outcome[..2000] : outcome;
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    private async Task<bool> AnyEarlierRunThisMonthAsync(DateOnly today, DateTime slot, CancellationToken ct)
    {
        var monthStart = SlotFor(new DateOnly(today.Year, today.Month, 1));
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
        return await db.JobRuns.AnyAsync(r => r.Job == JobName && r.Slot >= monthStart && r.Slot < slot, ct);
    }
}
