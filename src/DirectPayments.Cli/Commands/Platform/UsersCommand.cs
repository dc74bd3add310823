using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Cli.Commands.Platform;

/// <summary><c>dp users add</c>: creates a user who can sign in straight away, such as a council's first administrator.</summary>
public static partial class UsersCommand
{
    public const string PasswordVariable = "DP_PASSWORD";

    public static readonly Option<string> Email = new("--email")
    {
        Description = "The user's email address, which they sign in with.",
        Required = true,
    };

    public static readonly Option<string> Name = new("--name")
    {
        Description = "The user's full name, as other staff will see it.",
        Required = true,
    };

    public static readonly Option<string> RoleOption = new("--role")
    {
        Description = "The user's role: " + string.Join(", ", RoleExtensions.All.Select(RoleName)) + ".",
        Required = true,
    };

    public static readonly Option<string> Council = new("--council")
    {
        Description = "The short name of the user's council, such as exampleshire.",
        Required = true,
    };

    public static readonly Option<string?> Team = new("--team")
    {
        Description = "The name of the user's team in that council, such as \"Adults North team\". Practitioners must have one.",
    };

    public static Command Create()
    {
        var add = new Command("add",
            "Creates a user in a council. The password is read from the " + PasswordVariable + " environment variable if it is set; " +
            "otherwise you are asked to type it. It must be at least 12 characters and not a common password. " +
            "Staff set up an authenticator app when they first sign in.")
        {
            Email, Name, RoleOption, Council, Team,
        };
        add.SetAction((parseResult, cancellationToken) =>
            CliHost.RunAsync(parseResult, (context, token) => AddAsync(parseResult, context, token), cancellationToken));

        return new Command("users", "Manages the people who can sign in.") { add };
    }

    /// <summary>A role as typed on the command line, such as council-admin.</summary>
    public static string RoleName(Role role) => WordBoundary().Replace(role.ToString(), "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex WordBoundary();

    private static async Task<int> AddAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var error = context.Error;
        var email = parseResult.GetRequiredValue(Email).Trim();
        var name = parseResult.GetRequiredValue(Name).Trim();
        var roleText = parseResult.GetRequiredValue(RoleOption);
        var councilSlug = parseResult.GetRequiredValue(Council).Trim();
        var teamName = parseResult.GetValue(Team)?.Trim();

        var problems = new List<string>();
        if (name.Length == 0)
        {
            problems.Add("Enter the user's full name with --name");
        }
        else if (name.Length > 200)
        {
            problems.Add("The full name must be 200 characters or fewer");
        }
        if (email.Length == 0 || ContactDetails.Validate(email, null, null, null, false).Count > 0)
        {
            problems.Add("Enter an email address in the correct format, like name@example.com");
        }
        if (!RoleExtensions.TryParse(roleText, out var role))
        {
            problems.Add($"There is no role called '{roleText}'. Use one of: {string.Join(", ", RoleExtensions.All.Select(RoleName))}");
        }
        else if (role == Role.Practitioner && string.IsNullOrEmpty(teamName))
        {
            problems.Add("Give the practitioner's team with --team, so they can see their team's caseload");
        }
        if (problems.Count > 0)
        {
            return await FailAsync(error, problems);
        }

        if (!await CliHost.EnsureMigratedAsync(context, cancellationToken))
        {
            return 1;
        }
        var db = context.Services.GetRequiredService<DpDbContext>();
        var council = await db.Councils.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == councilSlug.ToLowerInvariant(), cancellationToken);
        if (council is null)
        {
            var slugs = await db.Councils.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
            return await FailAsync(error, [slugs.Count == 0
                ? $"There is no council called '{councilSlug}'. The database has no councils yet"
                : $"There is no council called '{councilSlug}'. Use one of: {string.Join(", ", slugs)}"]);
        }

        // Every row saved from here is audited in this council's trail, as the web app's changes are.
        db.Actor.System("cli", council.Id);
        Guid? teamId = null;
        if (!string.IsNullOrEmpty(teamName))
        {
            var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
            var team = teams.FirstOrDefault(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase));
            if (team is null)
            {
                return await FailAsync(error, [teams.Count == 0
                    ? $"There is no team called '{teamName}' in {council.Name}, which has no teams"
                    : $"There is no team called '{teamName}' in {council.Name}. Use one of: {string.Join(", ", teams.Select(t => $"\"{t.Name}\""))}"]);
            }
            teamId = team.Id;
            teamName = team.Name;
        }
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken))
        {
            return await FailAsync(error, ["An account with this email address already exists"]);
        }

        var password = await ReadPasswordAsync(error);
        if (password is null)
        {
            return 1;
        }
        var users = context.Services.GetRequiredService<UserManager<AppUser>>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = name, Role = role, CouncilId = council.Id, TeamId = teamId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // UserManager checks the password rules and the unique email before it writes anything.
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return await FailAsync(error, [.. result.Errors.Select(e => e.Description)]);
        }
        await context.Output.WriteLineAsync(
            $"Created {name} ({email}), {RoleName(role)}, in {council.Name}{(teamName is { Length: > 0 } ? $", {teamName}" : "")}.");
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter error, List<string> problems)
    {
        await error.WriteLineAsync(problems.Count == 1 ? "Could not add the user:" : "Could not add the user, for these reasons:");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem.EndsWith('.') ? $"  {problem}" : $"  {problem}.");
        }
        return 1;
    }

    /// <summary>The password from the environment, else typed at the terminal without echo; null (having said why) when neither is possible.</summary>
    private static async Task<string?> ReadPasswordAsync(TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        if (Console.IsInputRedirected)
        {
            await error.WriteLineAsync(
                $"Could not add the user: there is no password. Set the {PasswordVariable} environment variable to the new user's password, " +
                "or run the command in a terminal to type it.");
            return null;
        }
        var first = ReadHidden(error, "Password for the new user: ");
        var second = ReadHidden(error, "Type the password again: ");
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Could not add the user: the two passwords you typed are different.");
            return null;
        }
        return first;
    }

    private static string ReadHidden(TextWriter error, string prompt)
    {
        error.Write(prompt);
        error.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        error.WriteLine();
        return typed.ToString();
    }
}
