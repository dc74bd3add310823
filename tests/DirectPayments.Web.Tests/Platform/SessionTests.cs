using System.Net;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using DirectPayments.Web.Platform.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DirectPayments.Web.Tests.Platform;

public abstract class SessionTests(TestApp app)
{
    [Fact]
    public async Task SignOutEverywhere_EndsTheUsersOtherSessions()
    {
        app.SkipIfUnavailable();
        var email = DemoSeeder.Accounts.Single(a => a.Role == Role.FinanceOfficer).Email;
        using var laptop = app.CreateClient();
        using var phone = app.CreateClient();
        await laptop.SignInAsync(email);
        await phone.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/people")).StatusCode);

        using var everywhere = await laptop.PostWithTokenAsync("/account", "/account/sign-out-everywhere", new Dictionary<string, string>());
        Assert.Equal("/account/sign-out", everywhere.Headers.Location?.OriginalString);

        using var after = await phone.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_IsAPost_AndEndsTheSession()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        await client.SignInAsync(DemoSeeder.Accounts.Single(a => a.Role == Role.Trainer).Email);
        using var get = await client.GetAsync("/account/sign-out");
        Assert.Equal("/account", get.Headers.Location?.OriginalString);
        using var post = await client.PostWithTokenAsync("/home", "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        using var home = await client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;

public sealed class TwoFactorPolicyTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "DirectPayments.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static AppUser Staff(bool demo) => new() { DisplayName = "Demo", Role = Role.Manager, IsDemo = demo };

    [Theory]
    [InlineData("Development", true, false)]
    [InlineData("Production", true, true)]
    [InlineData("Staging", true, true)]
    [InlineData("Development", false, true)]
    public void MustSetUp_DemoStaffSkipOnlyInDevelopment(string environment, bool demo, bool mustSetUp)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:SkipTwoFactor"] = "true" }).Build();
        var policy = new TwoFactorPolicy(new Environment(environment), configuration);
        Assert.Equal(mustSetUp, policy.MustSetUp(Staff(demo)));
    }

    [Fact]
    public void MustSetUp_PeopleAndAssistants_AreNotAsked()
    {
        var policy = new TwoFactorPolicy(new Environment("Production"), new ConfigurationBuilder().Build());
        Assert.False(policy.MustSetUp(new AppUser { DisplayName = "P", Role = Role.Person }));
        Assert.False(policy.MustSetUp(new AppUser { DisplayName = "A", Role = Role.PersonalAssistant }));
    }
}
