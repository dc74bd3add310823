using System.CommandLine;
using DirectPayments.Data;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectPayments.Cli.Commands.Platform;

/// <summary><c>dp seed --demo</c>: adds the demo council, its people and one sign-in per role.</summary>
public static class SeedCommand
{
    public static readonly Option<bool> Demo = new("--demo")
    {
        Description = "Seed the demo council, Exampleshire County Council, with a second council, Otherborough. " +
            "Every demo account has the password '" + DemoSeeder.Password + "'.",
    };

    public static Command Create()
    {
        var command = new Command("seed",
            "Adds demonstration data to the database. Pass --demo to seed the demo council. " +
            "Running it again changes nothing. The database must be migrated first ('dp migrate').")
        {
            Demo,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!parseResult.GetValue(Demo))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    "Say what to seed: pass --demo to seed the demo council, like 'dp seed --demo'.");
                return 1;
            }
            return await CliHost.RunAsync(parseResult, RunAsync, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        // The web app never seeds demo data in production either: every demo account shares a published password.
        if (context.Environment.IsProduction())
        {
            await context.Error.WriteLineAsync(
                "The demo council is not seeded in the Production environment, because every demo account has a published password. " +
                "Set DOTNET_ENVIRONMENT=Development (or Staging) to seed it.");
            return 1;
        }
        if (!await CliHost.EnsureMigratedAsync(context, cancellationToken))
        {
            return 1;
        }
        var db = context.Services.GetRequiredService<DpDbContext>();
        if (await db.Councils.AnyAsync(c => c.Slug == DemoSeeder.CouncilSlug, cancellationToken))
        {
            await context.Output.WriteLineAsync($"The demo council '{DemoSeeder.CouncilSlug}' is already seeded. Nothing changed.");
            return 0;
        }
        await context.Services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        await context.Output.WriteLineAsync(
            $"Seeded the demo council '{DemoSeeder.CouncilSlug}' and a second council '{DemoSeeder.SecondCouncilSlug}', " +
            $"with {DemoSeeder.Accounts.Count} demo accounts. Their password is '{DemoSeeder.Password}'.");
        return 0;
    }
}
