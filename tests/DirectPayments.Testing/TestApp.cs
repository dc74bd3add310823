using DirectPayments.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace DirectPayments.Testing;

/// <summary>
/// The real web app on Kestrel at a loopback port, with its own fresh database and the demo
/// council seeded. Tests talk to it over real HTTP. One per test class (an xunit class fixture).
/// </summary>
public abstract class TestApp : IAsyncLifetime
{
    /// <summary>The environment variable holding a PostgreSQL connection string (test.sh sets it).</summary>
    public const string PostgresVariable = "DP_TEST_POSTGRES";

    private WebApplicationFactory<Program>? _factory;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dp-tests", Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }

    public string? SkipReason { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public string OutboxFolder => Path.Combine(_folder, "outbox");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(SkipReason ?? "The app has not started.");

    /// <summary>Extra settings for a test class, such as a low rate limit.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        string connection;
        if (Provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                SkipReason = $"PostgreSQL tests need {PostgresVariable} set to a connection string for a throwaway server; ./test.sh starts one and sets it.";
                return;
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = "dp_test_" + Guid.NewGuid().ToString("N")[..16] };
            connection = builder.ConnectionString;
        }
        else
        {
            connection = $"Data Source={Path.Combine(_folder, "dp.db")}";
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = connection,
            ["Demo:SeedOnStart"] = "true",
            ["Email:Mode"] = "outbox",
            ["Email:OutboxFolder"] = OutboxFolder,
            ["RateLimits:SignInPerMinute"] = "10000",
            ["RateLimits:PublicFormsPerMinute"] = "10000",
            ["Security:SessionCheckSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Json"] = "false",
            ["Monitoring:JobEnabled"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    /// <summary>Skips the calling test with a message saying how to run it, where this provider is not available.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>A new browser-like client with its own cookies.</summary>
    public TestClient CreateClient() => new(BaseAddress, this);

    /// <summary>A database context acting as the system in the given council (or none).</summary>
    public (IServiceScope Scope, DpDbContext Db) OpenDatabase(Guid? councilId = null)
    {
        var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
        db.Actor.System("test", councilId);
        return (scope, db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        GC.SuppressFinalize(this);
    }
}

public class SqliteApp : TestApp
{
    public override string Provider => "sqlite";
}

public class PostgresApp : TestApp
{
    public override string Provider => "postgres";
}
