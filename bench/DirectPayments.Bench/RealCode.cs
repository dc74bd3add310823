namespace DirectPayments.Bench;

/// <summary>What one real monitoring run reported.</summary>
internal sealed record MonitorRunResult(int AccountsChecked, int FlagsRaised);

/// <summary>What one real import reported.</summary>
internal sealed record ImportRunResult(bool Accepted, long Added, long Duplicates, string Summary);

/// <summary>
/// The seam between the benchmarks and the app's real importer and monitoring run: each call uses the
/// app's own services exactly as the pages, the API and dp do.
/// </summary>
internal static class RealCode
{
    /// <summary>Null while the real monitoring run is available; otherwise why it is not.</summary>
    public static string? MonitoringMissing => "the monitoring run (MonitoringRun) is not merged into this branch yet";

    /// <summary>Null while the real importer is available; otherwise why it is not.</summary>
    public static string? ImporterMissing => "the statement importer (StatementImporter) is not merged into this branch yet";

    public static Task<MonitorRunResult> MonitorAsync(IServiceProvider services, DateOnly today, bool incremental, CancellationToken cancellationToken) =>
        throw new NotSupportedException(MonitoringMissing);

    public static Task<ImportRunResult> ImportAsync(IServiceProvider services, Guid councilId, string path, CancellationToken cancellationToken) =>
        throw new NotSupportedException(ImporterMissing);
}
