using System.Diagnostics;
using System.Globalization;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DirectPayments.Bench;

/// <summary>Small helpers every benchmark uses: databases, the app's services, medians, memory and printing figures.</summary>
internal static class BenchSupport
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The server's connection string with another database.</summary>
    public static string Database(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0, Pooling = false }.ConnectionString;

    public static async Task<bool> DatabaseExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(Database(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), Invariant);
    }

    /// <summary>Drops <paramref name="database"/> if it exists and makes it again as a copy of <paramref name="template"/>.</summary>
    public static async Task CopyDatabaseAsync(string server, string template, string database)
    {
        var admin = Database(server, "postgres");
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
    }

    /// <summary>The app's own services (as the web host builds them, without starting it) for one database.</summary>
    public static WebApplication Host(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedOnStart"] = "false",
            ["Logging:Json"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        WebApp.ConfigureServices(builder);
        return builder.Build();
    }

    /// <summary>Runs dp (in this process) with the given database; fails loudly when dp does.</summary>
    public static async Task DpAsync(string provider, string connectionString, params string[] args)
    {
        Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development");
        string[] all = ["--database-provider", provider, "--connection-string", connectionString, .. args];
        var code = await Cli.Program.Run(all, Console.Out, Console.Error);
        if (code != 0)
        {
            throw new InvalidOperationException($"dp {string.Join(' ', args)} failed with exit code {code}.");
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>This process's peak resident memory (VmHWM) in MiB.</summary>
    public static double PeakMib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], Invariant);
                return kib / 1024.0;
            }
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Prints a figure as "FIGURE metric value unit (note)" so bench/run can collect it.</summary>
    public static void Figure(string metric, double value, string unit, string note = "")
    {
        var text = value >= 100 ? value.ToString("F0", Invariant) : value.ToString("0.###", Invariant);
        Console.WriteLine($"FIGURE {metric} {text} {unit}{(note.Length > 0 ? " (" + note + ")" : "")}");
    }

    public static void Say(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
