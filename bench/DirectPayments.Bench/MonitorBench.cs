using System.Diagnostics;
using System.Text.Json;
using DirectPayments.Cli.Generation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DirectPayments.Bench.BenchSupport;

namespace DirectPayments.Bench;

/// <summary>
/// <c>bench/run monitor --scale council|national</c>: generates the data once (kept for later runs),
/// times a plain GROUP BY over the ledger, then the real monitoring run in a child process (for its
/// own peak memory), checks the flags against the generator's answers, and times an incremental run
/// after a day's new rows.
/// </summary>
internal static class MonitorBench
{
    public static async Task<int> RunAsync(string server, string work, string scale, int runs)
    {
        var (accounts, months) = scale switch
        {
            "council" => (10_000, 12),
            "national" => (250_000, 12),
            "tiny" => (200, 3),
            _ => throw new ArgumentException($"Unknown scale '{scale}': use council or national."),
        };
        var options = new GenerateOptions(accounts, months, Councils: scale == "national" ? 5 : 1);
        var folder = Path.Combine(work, scale);
        var baseDb = $"dp_bench_{scale}_base";
        var runDb = $"dp_bench_{scale}";
        var answers = await EnsureGeneratedAsync(server, baseDb, folder, options);
        var rows = await ScalarAsync<long>(Database(server, baseDb), "SELECT count(*) FROM ledger_entries");
        Say($"{scale}: {accounts:N0} accounts x {months} months, {rows:N0} ledger rows, {answers.Planted.Count} planted flags");

        // The plain GROUP BY: each account's wallet balance and last 28 days' money out, over every row.
        var groupBy = new List<double>();
        for (var i = 0; i < Math.Max(3, runs); i++)
        {
            var watch = Stopwatch.StartNew();
            await ExecuteAsync(Database(server, baseDb),
                "SELECT account_id, sum(CASE WHEN debit = 1 THEN amount_pence ELSE 0 END) - sum(CASE WHEN credit = 1 THEN amount_pence ELSE 0 END), " +
                $"sum(CASE WHEN credit = 1 AND debit IN (2, 3) AND occurred_on > DATE '{options.RunDate.AddDays(-28):yyyy-MM-dd}' THEN amount_pence ELSE 0 END), count(*) " +
                "FROM ledger_entries GROUP BY account_id");
            groupBy.Add(watch.Elapsed.TotalSeconds);
            Say($"GROUP BY over {rows:N0} rows: {watch.Elapsed.TotalSeconds:F2} s");
        }
        var groupBySeconds = Median(groupBy);
        Figure($"monitor.{scale}.group_by_seconds", groupBySeconds, "s", $"median of {groupBy.Count}");

        if (RealCode.MonitoringMissing is { } missing)
        {
            Say($"Monitoring not measured: {missing}.");
            return 2;
        }

        var times = new List<double>();
        var peaks = new List<double>();
        var monitorRuns = scale == "national" ? 1 : runs;
        for (var i = 0; i < monitorRuns; i++)
        {
            Say($"Copying {baseDb} to {runDb} for run {i + 1} of {monitorRuns}");
            await CopyDatabaseAsync(server, baseDb, runDb);
            var (seconds, peak, flagsRaised) = await ChildAsync(Database(server, runDb), options.RunDate, incremental: false);
            Say($"Monitoring run {i + 1}: {seconds:F2} s, peak {peak:F0} MiB, {flagsRaised} flags raised");
            times.Add(seconds);
            peaks.Add(peak);
        }
        var monitorSeconds = Median(times);
        Figure($"monitor.{scale}.seconds", monitorSeconds, "s", $"median of {times.Count}");
        Figure($"monitor.{scale}.peak_mib", peaks.Max(), "MiB", "largest VmHWM of the process running monitoring");
        Figure($"monitor.{scale}.ratio_to_group_by", monitorSeconds / groupBySeconds, "x");

        var (found, missed, spurious) = await CompareFlagsAsync(Database(server, runDb), answers, options.RunDate);
        Say($"Planted flags found: {found} of {answers.Planted.Count}; missed: {missed.Count}; spurious: {spurious.Count}");
        foreach (var m in missed.Take(20))
        {
            Say($"  MISSED {m}");
        }
        foreach (var s in spurious.Take(20))
        {
            Say($"  SPURIOUS {s}");
        }
        Figure($"monitor.{scale}.flags_missed", missed.Count, "flags");
        Figure($"monitor.{scale}.flags_spurious", spurious.Count, "flags");

        // A day's new rows, then an incremental run.
        Say("Adding the next day's 400,000 rows");
        var nextDay = options.RunDate.AddDays(1);
        await using (var connection = new NpgsqlConnection(Database(server, runDb)))
        {
            var added = await new GeneratedDataWriter(connection, options, Console.Out).AppendDaysAsync(nextDay, nextDay, 400_000, CancellationToken.None);
            Say($"Added {added:N0} rows dated {nextDay:yyyy-MM-dd}");
        }
        var (incremental, incPeak, incFlags) = await ChildAsync(Database(server, runDb), nextDay, incremental: true);
        Say($"Incremental run: {incremental:F2} s, peak {incPeak:F0} MiB, {incFlags} flags raised");
        Figure($"monitor.{(scale == "national" ? "" : scale + ".")}incremental.seconds", incremental, "s", "one run after 400,000 new rows");
        var (found2, missed2, spurious2) = await CompareFlagsAsync(Database(server, runDb), answers, nextDay);
        Say($"After the incremental run, open flags match the planted ones: found {found2}, missed {missed2.Count}, spurious {spurious2.Count}");
        return missed.Count == 0 && spurious.Count == 0 ? 0 : 1;
    }

    /// <summary>Generates into <paramref name="database"/> unless it already holds this generation (answers.json beside it says so).</summary>
    public static async Task<GeneratorAnswers> EnsureGeneratedAsync(string server, string database, string folder, GenerateOptions options, long statementRows = 0)
    {
        var answersPath = Path.Combine(folder, "answers.json");
        if (File.Exists(answersPath) && await DatabaseExistsAsync(server, database))
        {
            var existing = await GeneratorAnswers.ReadAsync(answersPath, CancellationToken.None);
            if (existing.Accounts == options.Accounts && existing.Months == options.Months && existing.Seed == options.Seed && existing.Entries > 0
                && (statementRows == 0 || existing.Statement?.Rows == statementRows))
            {
                Say($"Reusing {database} and {answersPath} (delete the folder to generate again); applying any new migrations");
                await DpAsync("postgres", Database(server, database), "migrate");
                return existing;
            }
        }
        Directory.CreateDirectory(folder);
        var admin = Database(server, "postgres");
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var connection = Database(server, database);
        Say($"Migrating {database}");
        await DpAsync("postgres", connection, "migrate");
        Say($"Generating {options.Accounts:N0} accounts x {options.Months} months into {database}");
        var watch = Stopwatch.StartNew();
        List<string> args = ["generate", "--accounts", options.Accounts.ToString(Invariant), "--months", options.Months.ToString(Invariant),
            "--councils", options.Councils.ToString(Invariant), "--seed", options.Seed.ToString(Invariant), "--database", "--out", folder];
        if (statementRows > 0)
        {
            args.AddRange(["--statement-rows", statementRows.ToString(Invariant)]);
        }
        await DpAsync("postgres", connection, [.. args]);
        Say($"Generated in {watch.Elapsed.TotalMinutes:F1} minutes");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        return await GeneratorAnswers.ReadAsync(answersPath, CancellationToken.None);
    }

    /// <summary>Runs monitoring in a child process (this program's monitor-once), returning its seconds, peak memory and flags raised.</summary>
    private static async Task<(double Seconds, double PeakMib, int Flags)> ChildAsync(string connection, DateOnly today, bool incremental)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(MonitorBench).Assembly.Location);
        start.ArgumentList.Add("monitor-once");
        start.ArgumentList.Add(connection);
        start.ArgumentList.Add(today.ToString("yyyy-MM-dd", Invariant));
        start.ArgumentList.Add(incremental ? "incremental" : "full");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"The monitoring run failed (exit {process.ExitCode}): {output}");
        }
        var result = JsonSerializer.Deserialize<JsonElement>(last);
        return (result.GetProperty("seconds").GetDouble(), result.GetProperty("peakMib").GetDouble(), result.GetProperty("flags").GetInt32());
    }

    /// <summary>The child: one real monitoring run, timed from the first call to its end, with this process's peak memory.</summary>
    public static async Task<int> OnceAsync(string connection, DateOnly today, bool incremental)
    {
        await using var app = Host("postgres", connection);
        await using var scope = app.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var result = await RealCode.MonitorAsync(scope.ServiceProvider, today, incremental, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { seconds, peakMib = PeakMib(), flags = result.FlagsRaised, accounts = result.AccountsChecked }));
        return 0;
    }

    /// <summary>Open flags by account reference and kind, against the planted ones.</summary>
    private static async Task<(int Found, List<string> Missed, List<string> Spurious)> CompareFlagsAsync(string connection, GeneratorAnswers answers, DateOnly today)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT a.reference, f.kind FROM money_flags f JOIN dp_accounts a ON a.id = f.account_id JOIN councils c ON c.id = f.council_id " +
                "WHERE c.slug LIKE 'generated-%' AND f.status = 'Open'", db);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                open.Add($"{reader.GetString(0)} {reader.GetValue(1)}");
            }
        }
        var planted = answers.Planted.Select(p => $"{p.AccountReference} {p.Kind}").ToHashSet(StringComparer.Ordinal);
        var missed = planted.Where(p => !open.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var spurious = open.Where(o => !planted.Contains(o)).Order(StringComparer.Ordinal).ToList();
        _ = today;
        return (planted.Count - missed.Count, missed, spurious);
    }
}
