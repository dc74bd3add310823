using System.CommandLine;
using System.Globalization;
using DirectPayments.Cli.Commands.Platform;
using DirectPayments.Cli.Generation;
using DirectPayments.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectPayments.Cli.Commands.Finance;

/// <summary>
/// <c>dp generate</c>: deterministic synthetic money data for the benchmarks (issue #4, item 11):
/// councils, people, Active arrangements, accounts, schedules and ledger entries, with planted flags
/// and identical twin purchases whose right answers go to <c>answers.json</c>.
/// </summary>
public static class GenerateCommand
{
    public static readonly Option<int> Accounts = new("--accounts") { Description = "How many direct payment accounts to generate (at least 12).", Required = true };

    public static readonly Option<int> Months = new("--months") { Description = "Months of history up to the run date (2 to 60). The default is 12.", DefaultValueFactory = _ => 12 };

    public static readonly Option<int> Councils = new("--councils") { Description = "How many councils to spread the accounts over. The default is 1.", DefaultValueFactory = _ => 1 };

    public static readonly Option<int> Seed = new("--seed") { Description = "The seed: the same seed always gives the same data. The default is 1.", DefaultValueFactory = _ => 1 };

    public static readonly Option<string?> RunDate = new("--run-date")
    {
        Description = "The last day of history, as yyyy-MM-dd: flags are planted for a monitoring run on this day. The default is " +
            GenerateOptions.DefaultAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".",
    };

    public static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "A folder for answers.json and any statement files." };

    public static readonly Option<bool> Database = new("--database") { Description = "Write the data into the configured database (it must be migrated and hold no generated councils yet)." };

    public static readonly Option<long> StatementRows = new("--statement-rows")
    {
        Description = "Also write card-provider statement files for the days after the run date to --out: statement-1.csv with exactly this many rows, " +
            "and statement-2-overlap.csv, about half of whose lines are in the first.",
    };

    public static Command Create()
    {
        var command = new Command("generate",
            "Generates synthetic direct payment data for benchmarks, the same every time for the same seed: councils, people, Active arrangements " +
            "with agreed plans, accounts, payment schedules and about 15 ledger entries per account-month. Some accounts are built to raise exactly " +
            "one monitoring flag each; answers.json says which. Never use it on a live database.")
        {
            Accounts, Months, Councils, Seed, RunDate, Out, Database, StatementRows,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            DateOnly runDate = default;
            if (parseResult.GetValue(RunDate) is { Length: > 0 } text &&
                !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out runDate))
            {
                await error.WriteLineAsync($"The run date '{text}' is not a date like 2026-10-31.");
                return 1;
            }
            var options = new GenerateOptions(parseResult.GetValue(Accounts), parseResult.GetValue(Months), parseResult.GetValue(Councils), parseResult.GetValue(Seed), runDate);
            if (options.Problem() is { } problem)
            {
                await error.WriteLineAsync(problem);
                return 1;
            }
            var folder = parseResult.GetValue(Out);
            var toDatabase = parseResult.GetValue(Database);
            var statementRows = parseResult.GetValue(StatementRows);
            if (folder is null && !toDatabase)
            {
                await error.WriteLineAsync("Say where to put the data: --database to write it into the configured database, --out FOLDER for answers.json and statement files, or both.");
                return 1;
            }
            if (statementRows < 0 || (statementRows > 0 && folder is null))
            {
                await error.WriteLineAsync("--statement-rows needs a positive number and an --out folder to write the files to.");
                return 1;
            }
            folder?.Create();
            if (!toDatabase)
            {
                return await RunAsync(null, options, folder, statementRows, parseResult.InvocationConfiguration.Output, error, cancellationToken);
            }
            return await CliHost.RunAsync(parseResult, async (context, ct) =>
            {
                if (context.Environment.IsProduction())
                {
                    await context.Error.WriteLineAsync("dp generate does not write to a database in the Production environment. Set DOTNET_ENVIRONMENT=Development to use it.");
                    return 1;
                }
                if (!await CliHost.EnsureMigratedAsync(context, ct))
                {
                    return 1;
                }
                return await RunAsync(context.Services.GetRequiredService<DpDbContext>(), options, folder, statementRows, context.Output, context.Error, ct);
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DpDbContext? db, GenerateOptions options, DirectoryInfo? folder, long statementRows, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var answers = new GeneratorAnswers
        {
            Seed = options.Seed,
            Accounts = options.Accounts,
            Months = options.Months,
            Councils = options.Councils,
            RunDate = options.RunDate,
        };
        if (db is not null)
        {
            var writer = new GeneratedDataWriter(db.Database.GetDbConnection(), options, output);
            GenerationResult result;
            try
            {
                result = await writer.WriteAsync(cancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("This database already holds", StringComparison.Ordinal))
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
            // One audit entry per council says what was written and by what.
            for (var c = 0; c < options.Councils; c++)
            {
                db.RecordAuditIn(writer.CouncilId(c), "finance.generated", "Council", writer.CouncilId(c).ToString(),
                    string.Create(CultureInfo.InvariantCulture, $"dp generate --seed {options.Seed}: {result.Accounts:N0} accounts, {result.Entries:N0} ledger entries in all councils."));
            }
            await db.SaveChangesAsync(cancellationToken);
            answers = answers with { Entries = result.Entries, LedgerSha256 = result.LedgerSha256, TwinPairs = result.TwinPairs, Planted = result.Planted };
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {result.Accounts:N0} accounts in {result.Councils} councils with {result.Entries:N0} ledger entries, {result.Planted.Count} planted flags and {result.TwinPairs} twin purchases."));
        }
        else
        {
            var accounts = SyntheticPlan.Accounts(options);
            answers = answers with
            {
                TwinPairs = accounts.Count(a => a.HasTwin),
                Planted = accounts.Where(a => a.Planted is not null).Select(a => new PlantedFlag(a.Reference, a.ArrangementReference, a.Planted!.Value)).ToList(),
            };
        }
        if (folder is not null)
        {
            if (statementRows > 0)
            {
                var (first, overlap) = await StatementFiles.WriteAsync(options, folder.FullName, statementRows, output, cancellationToken);
                answers = answers with { Statement = first, OverlapStatement = overlap };
            }
            var path = Path.Combine(folder.FullName, "answers.json");
            await answers.WriteAsync(path, cancellationToken);
            await output.WriteLineAsync($"Wrote the answers to {path}.");
        }
        return 0;
    }
}
