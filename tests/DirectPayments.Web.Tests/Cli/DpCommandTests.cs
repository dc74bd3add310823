using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Cli;

/// <summary>The dp command, run as a real process on a temporary SQLite file.</summary>
public sealed class DpCommandTests : IDisposable
{
    private const string NewPassword = "kettle river lantern orchard";

    private readonly DpProcess _dp = new();

    public void Dispose() => _dp.Dispose();

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await _dp.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrate", result.Output, StringComparison.Ordinal);
        Assert.Contains("seed", result.Output, StringComparison.Ordinal);
        Assert.Contains("users", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_AfterMigrateAndSeed_CreatesAuditedUserInTheCouncilAndTeam()
    {
        await MigrateAndSeedAsync();

        var result = await _dp.RunAsync(new Dictionary<string, string> { ["DP_PASSWORD"] = NewPassword },
            "users", "add", "--email", "jo.bloggs@example.com", "--name", "Jo Bloggs", "--role", "practitioner",
            "--council", DemoSeeder.CouncilSlug, "--team", "adults south team");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Created Jo Bloggs", result.Output, StringComparison.Ordinal);
        var token = TestContext.Current.CancellationToken;
        await using var db = _dp.OpenDatabase();
        var council = await db.Councils.SingleAsync(c => c.Slug == DemoSeeder.CouncilSlug, token);
        db.Actor.CouncilId = council.Id;
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == "JO.BLOGGS@EXAMPLE.COM", token);
        var team = await db.Teams.SingleAsync(t => t.Name == "Adults South team", token);
        Assert.Equal(("Jo Bloggs", Role.Practitioner, council.Id, team.Id), (user.DisplayName, user.Role, user.CouncilId, (Guid?)team.Id));
        Assert.False(user.IsDemo);
        var audit = await db.AuditEntries.SingleAsync(a => a.RecordId == user.Id.ToString(), token);
        Assert.Equal(("system:cli", "appUser.created"), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_ExitsWithMessageAndWritesNothing()
    {
        await MigrateAndSeedAsync();
        var (users, audit) = await CountUsersAndAuditAsync();

        var result = await _dp.RunAsync(new Dictionary<string, string> { ["DP_PASSWORD"] = NewPassword },
            "users", "add", "--email", "jo.bloggs@example.com", "--name", "Jo Bloggs", "--role", "wizard",
            "--council", DemoSeeder.CouncilSlug);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no role called 'wizard'. Use one of: person, personal-assistant,", result.Error, StringComparison.Ordinal);
        Assert.Equal((users, audit), await CountUsersAndAuditAsync());
    }

    [Fact]
    public async Task UsersAdd_CommonPassword_ExitsWithMessageAndWritesNothing()
    {
        await MigrateAndSeedAsync();
        var (users, audit) = await CountUsersAndAuditAsync();

        var result = await _dp.RunAsync(new Dictionary<string, string> { ["DP_PASSWORD"] = "123qweasdzxc" },
            "users", "add", "--email", "jo.bloggs@example.com", "--name", "Jo Bloggs", "--role", "council-admin",
            "--council", DemoSeeder.CouncilSlug);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("This password is one of the most common passwords", result.Error, StringComparison.Ordinal);
        Assert.Equal((users, audit), await CountUsersAndAuditAsync());
    }

    [Fact]
    public async Task UsersAdd_UnknownCouncil_ExitsWithMessageListingCouncils()
    {
        await MigrateAndSeedAsync();

        var result = await _dp.RunAsync(new Dictionary<string, string> { ["DP_PASSWORD"] = NewPassword },
            "users", "add", "--email", "jo.bloggs@example.com", "--name", "Jo Bloggs", "--role", "trainer", "--council", "nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no council called 'nowhere'. Use one of: exampleshire, otherborough.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_NoPasswordAndNoTerminal_ExitsWithMessage()
    {
        await MigrateAndSeedAsync();

        var result = await _dp.RunAsync("users", "add", "--email", "jo.bloggs@example.com", "--name", "Jo Bloggs",
            "--role", "trainer", "--council", DemoSeeder.CouncilSlug);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Set the DP_PASSWORD environment variable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_Twice_ChangesNothingTheSecondTime()
    {
        await MigrateAndSeedAsync();
        var before = await CountUsersAndAuditAsync();

        var again = await _dp.RunAsync("seed", "--demo");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already seeded", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, await CountUsersAndAuditAsync());
        await using var db = _dp.OpenDatabase();
        Assert.Equal(2, await db.Councils.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seed_WithoutDemo_ExitsWithMessageSayingWhatToPass()
    {
        var result = await _dp.RunAsync("seed");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --demo", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_BeforeMigrate_ExitsWithMessageToMigrateFirst()
    {
        var result = await _dp.RunAsync("seed", "--demo");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run 'dp migrate' first", result.Error, StringComparison.Ordinal);
    }

    private async Task MigrateAndSeedAsync()
    {
        var migrate = await _dp.RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("Applied", migrate.Output, StringComparison.Ordinal);
        var seed = await _dp.RunAsync("seed", "--demo");
        Assert.True(seed.ExitCode == 0, seed.Error);
    }

    private async Task<(int Users, int AuditEntries)> CountUsersAndAuditAsync()
    {
        var token = TestContext.Current.CancellationToken;
        await using var db = _dp.OpenDatabase();
        return (await db.Users.CountAsync(token), await db.AuditEntries.IgnoreQueryFilters().CountAsync(token));
    }
}
