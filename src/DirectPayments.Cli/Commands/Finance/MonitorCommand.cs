using System.CommandLine;
using System.Globalization;
using DirectPayments.Cli.Commands.Platform;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Finance.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Cli.Commands.Finance;

/// <summary><c>dp monitor [--date yyyy-MM-dd] [--incremental]</c>: runs money monitoring over every council and prints the flags raised.</summary>
public static class MonitorCommand
{
    public static readonly Option<string?> Date = new("--date")
    {
        Description = "The run date, as yyyy-MM-dd. The default is today in England.",
    };

    public static readonly Option<bool> Incremental = new("--incremental")
    {
        Description = "Read only the ledger entries written since the last run (the running totals are kept between runs). " +
            "Without it, the totals are rebuilt from every entry.",
    };

    public static Command Create()
    {
        var command = new Command("monitor",
            "Runs money monitoring for every council: checks each active direct payment account against the council's monitoring settings, " +
            "raises each new flag with a supportive conversation task, and prints how many flags of each kind were raised. " +
            "A flag already open for an account is not raised again.")
        {
            Date,
            Incremental,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(Date);
            DateOnly? date = null;
            if (text is not null)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"'{text}' is not a date. Give the run date as yyyy-MM-dd, like 2026-11-23.");
                    return 1;
                }
                date = parsed;
            }
            var incremental = parseResult.GetValue(Incremental);
            return await CliHost.RunAsync(parseResult, (context, ct) => RunAsync(context, date, incremental, ct), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, DateOnly? date, bool incremental, CancellationToken ct)
    {
        if (!await CliHost.EnsureMigratedAsync(context, ct))
        {
            return 1;
        }
        var today = date ?? context.Services.GetRequiredService<TimeProvider>().TodayInEngland();
        var outcome = await context.Services.GetRequiredService<MonitoringRun>().RunAsync(today, incremental, ct);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Monitoring for {today:yyyy-MM-dd} ({(incremental ? "incremental" : "full")}): checked {outcome.AccountsChecked} active accounts in {outcome.Councils} councils."));
        foreach (var (kind, count) in outcome.Raised)
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {FlagText.Title(kind),-34} {count,6} raised"));
        }
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.RaisedTotal} new flags; {outcome.StillOpen} found again where a flag was already open."));
        return 0;
    }
}
