using System.CommandLine;
using DirectPayments.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Cli.Commands.Platform;

/// <summary><c>dp migrate</c>: brings the database's tables up to date with this version of the code.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate",
            "Applies any database migrations that have not been applied yet, for the configured database (SQLite or PostgreSQL). " +
            "Running it again when the database is up to date changes nothing.");
        command.SetAction((parseResult, cancellationToken) => CliHost.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<DpDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await context.Output.WriteLineAsync(pending.Count == 0
            ? $"The {context.Database.Provider} database is already up to date."
            : $"Applied {pending.Count} migration{(pending.Count == 1 ? "" : "s")} to the {context.Database.Provider} database.");
        return 0;
    }
}
