using System.CommandLine;
using System.Globalization;
using DirectPayments.Cli.Commands.Platform;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Cli.Commands.Finance;

/// <summary>
/// <c>dp import &lt;file&gt; --map &lt;name&gt; [--account &lt;reference&gt;] --council &lt;slug&gt;</c>: imports a statement
/// file through the same importer as the web pages. Exit 0 when accepted or already imported, 2 when
/// the file is rejected (each bad line on standard error), 1 for anything else.
/// </summary>
public static class ImportCommand
{
    public static readonly Argument<FileInfo> File = new("file") { Description = "The statement file (CSV) to import." };

    public static readonly Option<string> Map = new("--map")
    {
        Description = "The column map: card-provider, bank, minimal, or the name of one of the council's own maps.",
        Required = true,
    };

    public static readonly Option<string?> Account = new("--account")
    {
        Description = "For one account's statement (the bank and minimal layouts): the direct payment reference, such as DP-B7KQ2M.",
    };

    public static readonly Option<string> Council = new("--council")
    {
        Description = "The short name of the council the statement belongs to, such as exampleshire.",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("import",
            "Imports a statement file into the ledger. The file is accepted or rejected as a whole; lines already in the ledger are not added again.")
        {
            File, Map, Account, Council,
        };
        command.SetAction((parseResult, cancellationToken) =>
            CliHost.RunAsync(parseResult, (context, token) => ImportAsync(parseResult, context, token), cancellationToken));
        return command;
    }

    private static async Task<int> ImportAsync(ParseResult parseResult, CliContext context, CancellationToken ct)
    {
        var file = parseResult.GetRequiredValue(File);
        var mapName = parseResult.GetRequiredValue(Map).Trim();
        var accountReference = parseResult.GetValue(Account)?.Trim();
        var slug = parseResult.GetRequiredValue(Council).Trim().ToLowerInvariant();
        if (!file.Exists)
        {
            await context.Error.WriteLineAsync($"There is no file at {file.FullName}");
            return 1;
        }
        if (!await CliHost.EnsureMigratedAsync(context, ct))
        {
            return 1;
        }
        var db = context.Services.GetRequiredService<DpDbContext>();
        var council = await db.Councils.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, ct);
        if (council is null)
        {
            var slugs = await db.Councils.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(ct);
            await context.Error.WriteLineAsync($"There is no council called '{slug}'. Use one of: {string.Join(", ", slugs)}");
            return 1;
        }
        db.Actor.System("cli", council.Id);
        var importer = context.Services.GetRequiredService<StatementImporter>();
        if (await importer.LayoutAsync(mapName, ct) is null)
        {
            var maps = await db.ColumnMaps.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
            await context.Error.WriteLineAsync($"There is no column map called '{mapName}'. Use one of: {string.Join(", ", DirectPayments.Domain.Finance.Import.StatementLayout.Presets.Select(p => p.Name).Concat(maps))}");
            return 1;
        }
        Guid? accountId = null;
        if (!string.IsNullOrEmpty(accountReference))
        {
            accountId = await db.DpAccounts.AsNoTracking().Where(a => a.Reference == accountReference).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (accountId is null)
            {
                await context.Error.WriteLineAsync($"There is no direct payment account with the reference '{accountReference}' in {council.Name}");
                return 1;
            }
        }
        await using var stream = file.OpenRead();
        var outcome = await importer.ImportAsync(new ImportRequest(stream, file.Name, mapName, accountId, ImportChannel.Cli, new Who(null, "dp import")), ct);
        if (outcome.Rejected)
        {
            await context.Error.WriteLineAsync($"Rejected {file.Name}: nothing was added to the ledger. Correct these problems and import it again:");
            foreach (var problem in outcome.ProblemsForDisplay)
            {
                await context.Error.WriteLineAsync("  " + problem);
            }
            return 2;
        }
        var dto = StatementsApi.ToDto(outcome);
        await context.Output.WriteLineAsync(outcome.AlreadyImported ? $"Already imported: {dto.Message}" : $"Accepted {file.Name}: {dto.Message}");
        if (!outcome.AlreadyImported)
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Money out {new DirectPayments.Domain.Money(outcome.MoneyOutPence)}, money in {new DirectPayments.Domain.Money(outcome.MoneyInPence)}. Import id {outcome.Import.Id}."));
            foreach (var disagreement in outcome.Reconciliation.Take(StatementReader.MaxListedProblems))
            {
                await context.Output.WriteLineAsync("  Balance check: " + disagreement);
            }
        }
        return 0;
    }
}
