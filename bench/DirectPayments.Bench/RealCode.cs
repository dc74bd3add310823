using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Bench;

/// <summary>What one real monitoring run reported.</summary>
internal sealed record MonitorRunResult(int AccountsChecked, int FlagsRaised);

/// <summary>What one real import reported.</summary>
internal sealed record ImportRunResult(bool Accepted, bool AlreadyImported, long Added, long Duplicates, string Summary);

/// <summary>
/// The seam between the benchmarks and the app's real importer and monitoring run: each call uses the
/// app's own services exactly as the pages, the API and dp do.
/// </summary>
internal static class RealCode
{
    /// <summary>Null while the real monitoring run is available; otherwise why it is not.</summary>
    public static string? MonitoringMissing => null;

    /// <summary>Null while the real importer is available; otherwise why it is not.</summary>
    public static string? ImporterMissing => null;

    /// <summary>The monitoring run, as <c>dp monitor</c> and the scheduled job call it.</summary>
    public static async Task<MonitorRunResult> MonitorAsync(IServiceProvider services, DateOnly today, bool incremental, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<MonitoringRun>().RunAsync(today, incremental, cancellationToken);
        return new MonitorRunResult(outcome.AccountsChecked, outcome.RaisedTotal);
    }

    /// <summary>The statement importer with the card-provider layout, as <c>dp import</c> calls it.</summary>
    public static async Task<ImportRunResult> ImportAsync(IServiceProvider services, Guid councilId, string path, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DpDbContext>();
        db.Actor.System("bench", councilId);
        var importer = services.GetRequiredService<StatementImporter>();
        await using var stream = File.OpenRead(path);
        var outcome = await importer.ImportAsync(
            new ImportRequest(stream, Path.GetFileName(path), "card-provider", null, ImportChannel.Cli, new Who(null, "bench")), cancellationToken);
        var summary = outcome.Rejected
            ? $"REJECTED ({outcome.ProblemCount} problems: {string.Join("; ", outcome.Problems.Take(3))})"
            : $"{(outcome.AlreadyImported ? "already imported, " : "")}{outcome.Lines:N0} lines, {outcome.Added:N0} added, {outcome.Duplicates:N0} duplicates, " +
              $"{outcome.MatchedPayments:N0} payments matched, {outcome.Reconciliation.Count:N0} balance disagreements";
        return new ImportRunResult(outcome.Accepted, outcome.AlreadyImported, outcome.Added, outcome.Duplicates, summary);
    }
}
