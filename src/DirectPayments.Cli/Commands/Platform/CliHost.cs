using System.CommandLine;
using System.Data.Common;
using DirectPayments.Data;
using DirectPayments.Web.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectPayments.Cli.Commands.Platform;

/// <summary>Everything a command needs while it runs: services from a scope, the host environment and where to write.</summary>
public sealed record CliContext(IServiceProvider Services, IHostEnvironment Environment, DatabaseSettings Database, TextWriter Output, TextWriter Error);

/// <summary>
/// Builds the same services as the web host (without starting the server), so that the command line
/// and the web app read one configuration and share one set of rules.
/// </summary>
public static class CliHost
{
    public static readonly Option<string?> DatabaseProvider = new("--database-provider")
    {
        Description = "The database to use: sqlite or postgres. Overrides the Database__Provider environment variable.",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionString = new("--connection-string")
    {
        Description = "The database connection string. Overrides Database__ConnectionString. " +
            "The default is the SQLite file " + DatabaseSettings.DefaultSqlite + ".",
        Recursive = true,
    };

    /// <summary>Runs a command's work in a service scope, turning configuration and database failures into a plain message and exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<CliContext, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(work);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            await using var app = Build(parseResult);
            await using var scope = app.Services.CreateAsyncScope();
            var context = new CliContext(scope.ServiceProvider, app.Environment, DatabaseSettings.From(app.Configuration), output, error);
            return await work(context, cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Database:", StringComparison.Ordinal))
        {
            // DatabaseSettings explains what is wrong with the configuration in a sentence.
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (DbException e)
        {
            await error.WriteLineAsync($"Could not use the database: {e.Message}");
            return 1;
        }
    }

    /// <summary>Refuses to work on a database whose migrations have not all been applied, saying how to fix it.</summary>
    public static async Task<bool> EnsureMigratedAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Services.GetRequiredService<DpDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await context.Error.WriteLineAsync("The database is not up to date. Run 'dp migrate' first.");
            return false;
        }
        return true;
    }

    private static WebApplication Build(ParseResult parseResult)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Quieter defaults than the web app, with every log line on standard error so standard output
        // carries only the command's own messages. Any other configuration source can still override them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:Json"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            },
        });
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(DatabaseProvider) is { Length: > 0 } provider)
        {
            overrides["Database:Provider"] = provider;
        }
        if (parseResult.GetValue(ConnectionString) is { Length: > 0 } connection)
        {
            overrides["Database:ConnectionString"] = connection;
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        WebApp.ConfigureServices(builder);
        return builder.Build();
    }
}
