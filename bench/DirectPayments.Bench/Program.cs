using System.Globalization;
using static DirectPayments.Bench.BenchSupport;

namespace DirectPayments.Bench;

/// <summary>
/// The money benchmarks (issue #4, item 11), run by <c>bench/run</c>: whole-process timings with a
/// stopwatch, peak memory from VmHWM, medians of several runs. Figures print as lines starting
/// "FIGURE", which bench/run collects.
/// </summary>
public static class Program
{
    private const string Usage =
        "Usage: DirectPayments.Bench import [--rows N] [--runs N] [--sqlite-runs N]\n" +
        "       DirectPayments.Bench monitor --scale council|national [--runs N]\n" +
        "Set DP_BENCH_POSTGRES to a PostgreSQL server connection string (bench/run starts one) and DP_BENCH_WORK to a folder for generated data.";

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 4 && args[0] == "monitor-once")
        {
            return await MonitorBench.OnceAsync(args[1], DateOnly.ParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), args[3] == "incremental");
        }
        var server = Environment.GetEnvironmentVariable("DP_BENCH_POSTGRES");
        var work = Environment.GetEnvironmentVariable("DP_BENCH_WORK") ?? "/tmp/dp-bench";
        if (args.Length == 0 || string.IsNullOrWhiteSpace(server))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 64;
        }
        string Option(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        Say($"{Environment.ProcessorCount} cores; other work may be running on this machine at the same time (check uptime's load average).");
        return args[0] switch
        {
            "import" => await ImportBench.RunAsync(server, work, long.Parse(Option("--rows", "1000000"), CultureInfo.InvariantCulture),
                int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture), int.Parse(Option("--sqlite-runs", "3"), CultureInfo.InvariantCulture)),
            "monitor" => await MonitorBench.RunAsync(server, work, Option("--scale", "council"), int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture)),
            _ => await UnknownAsync(args[0]),
        };
    }

    private static async Task<int> UnknownAsync(string command)
    {
        await Console.Error.WriteLineAsync($"Unknown benchmark '{command}'.\n{Usage}");
        return 64;
    }
}
