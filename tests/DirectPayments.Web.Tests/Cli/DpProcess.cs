using System.Diagnostics;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Cli;

/// <summary>What a run of <c>dp</c> did: its exit code and everything it wrote.</summary>
public sealed record DpResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the built <c>dp</c> as a real process against its own temporary SQLite file, as an operator
/// would, with standard input redirected so it never waits for a typed password.
/// </summary>
public sealed class DpProcess : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dp-cli-tests", Guid.NewGuid().ToString("N"));

    public DpProcess() => Directory.CreateDirectory(_folder);

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "dp.db")}";

    public async Task<DpResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        // The test project references the Cli project, so dp.dll is built and copied next to the tests.
        var dp = Path.Combine(AppContext.BaseDirectory, "dp.dll");
        Assert.True(File.Exists(dp), $"Expected the built command at {dp}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(dp);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Database__ConnectionString"] = ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DP_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet");
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new DpResult(process.ExitCode, await output, await error);
    }

    public Task<DpResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Opens the database dp wrote to, acting in the given council (or none).</summary>
    public DpDbContext OpenDatabase(Guid? councilId = null)
    {
        var options = new DbContextOptionsBuilder<SqliteDpContext>();
        // No pooling, so that the file can be deleted when the test ends.
        DataRegistration.ConfigureSqlite(options, ConnectionString + ";Pooling=False");
        return new SqliteDpContext(options.Options, new ActorContext { CouncilId = councilId }, TimeProvider.System);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does no harm; failing the test for it would.
        }
    }
}
