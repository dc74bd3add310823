using DirectPayments.Cli.Commands.Finance;
using DirectPayments.Cli.Commands.Platform;

namespace DirectPayments.Cli;

/// <summary>The <c>dp</c> command: looks after a DirectPayments database from a terminal or a deployment script.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs one command line, writing to the given writers; tests call this as well as the process entry point.</summary>
    public static Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new System.CommandLine.RootCommand(
            "Looks after a DirectPayments database: applies migrations, seeds the demo council and adds users. " +
            "It reads the same settings as the web app: Database__Provider (sqlite or postgres) and Database__ConnectionString.");
        root.Options.Add(CliHost.DatabaseProvider);
        root.Options.Add(CliHost.ConnectionString);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DirectPayments.Cli.Commands.Finance.MonitorCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
    }
}
