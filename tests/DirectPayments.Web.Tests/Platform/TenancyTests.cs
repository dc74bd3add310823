using System.Net;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Platform;

/// <summary>Councils are tenants: nothing of one council is visible to, or changeable by, another (DESIGN.md section 2).</summary>
public abstract class TenancyTests(TestApp app)
{
    [Fact]
    public void Model_EveryEntityWithACouncil_IsTenantOwnedAndFiltered()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            var entityTypes = db.Model.GetEntityTypes().ToList();
            Assert.NotEmpty(entityTypes);
            foreach (var type in entityTypes)
            {
                var hasCouncil = type.FindProperty(nameof(ITenantOwned.CouncilId)) is not null;
                if (type.ClrType == typeof(AppUser))
                {
                    // Identity is platform-wide: one email, one account; pages check the council explicitly.
                    continue;
                }
                Assert.True(!hasCouncil || typeof(ITenantOwned).IsAssignableFrom(type.ClrType),
                    $"{type.ClrType.Name} has a CouncilId but does not implement ITenantOwned");
                if (typeof(ITenantOwned).IsAssignableFrom(type.ClrType))
                {
                    Assert.True(type.GetDeclaredQueryFilters().Count > 0, $"{type.ClrType.Name} is tenant-owned but has no council query filter");
                }
            }
            var domainTenantTypes = typeof(ITenantOwned).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITenantOwned).IsAssignableFrom(t));
            foreach (var type in domainTenantTypes)
            {
                Assert.True(db.Model.FindEntityType(type) is not null, $"{type.Name} is tenant-owned but not in the database model");
            }
        }
    }

    [Fact]
    public async Task Query_InOneCouncil_SeesNoRowOfAnother()
    {
        app.SkipIfUnavailable();
        var (exampleshire, otherborough) = await CouncilsAsync();
        var (scope, db) = app.OpenDatabase(exampleshire);
        using (scope)
        {
            Assert.True(await db.People.AnyAsync());
            Assert.DoesNotContain(await db.People.ToListAsync(), p => p.CouncilId != exampleshire);
            Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), a => a.CouncilId != exampleshire);
            Assert.False(await db.People.AnyAsync(p => p.Reference == "OB-000001"));
            Assert.True(await db.People.IgnoreQueryFilters().AnyAsync(p => p.CouncilId == otherborough));
        }
        var (none, noCouncil) = app.OpenDatabase(null);
        using (none)
        {
            Assert.False(await noCouncil.People.AnyAsync());
        }
    }

    [Fact]
    public async Task Save_RowOfAnotherCouncil_IsRefused()
    {
        app.SkipIfUnavailable();
        var (exampleshire, otherborough) = await CouncilsAsync();
        var (scope, db) = app.OpenDatabase(exampleshire);
        using (scope)
        {
            db.People.Add(new Person { Id = Guid.NewGuid(), CouncilId = otherborough, Reference = "X-1", GivenName = "A", FamilyName = "B", DateOfBirth = new DateOnly(1990, 1, 1) });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task EveryPageAndEndpoint_WithAnotherCouncilsRecord_Returns404()
    {
        app.SkipIfUnavailable();
        var (exampleshire, otherborough) = await CouncilsAsync();
        var other = await OtherCouncilRecordsAsync(otherborough);
        using var client = app.CreateClient();
        await client.SignInAsync(DemoSeeder.Accounts.Single(a => a.Role == Role.CouncilAdmin).Email);
        using var manager = app.CreateClient();
        await manager.SignInAsync(DemoSeeder.Accounts.Single(a => a.Role == Role.Manager).Email);
        var (key, _, _) = await CreateApiKeyAsync(exampleshire, $"{ApiScopes.PeopleRead} {ApiScopes.PeopleWrite} {ApiScopes.JourneyRead} {ApiScopes.JourneyWrite} {ApiScopes.MoneyRead}");
        client.Http.DefaultRequestHeaders.Authorization = null;

        // Route values that name no record, such as an error page's status code.
        string[] notRecords = ["code", "documentName", "version"];
        var routes = EndpointCatalogue.Routes(app.Services).Where(r => r.Parameters.Except(notRecords).Any()).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = route.Pattern.Replace("{version}", "1", StringComparison.Ordinal);
            foreach (var parameter in route.Parameters.Except(notRecords))
            {
                Assert.True(other.TryGetValue(parameter, out var id), $"The tenancy test does not know which record '{parameter}' in {route.Pattern} names: add it to OtherCouncilRecordsAsync");
                path = path.Replace("{" + parameter + "}", id.ToString(), StringComparison.Ordinal);
            }
            if (route.IsApi)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                request.Headers.Authorization = new("Bearer", key);
                if (route.Method != "GET")
                {
                    request.Content = System.Net.Http.Json.JsonContent.Create(new { email = "a@b.example", reason = "Test" });
                }
                using var response = await client.Http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Method} {path} gave {(int)response.StatusCode}");
            }
            else
            {
                // The administrator may use the admin pages; the journey's pages are for caseload staff, so a
                // manager asks where the administrator is refused by role. Either way the record must be 404.
                var asker = client;
                using (var first = await client.GetAsync(path))
                {
                    if (first.StatusCode == HttpStatusCode.Forbidden)
                    {
                        asker = manager;
                    }
                }
                using var get = await asker.GetAsync(path);
                Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path} gave {(int)get.StatusCode}");
                using var post = await asker.PostWithTokenAsync("/home", path, new Dictionary<string, string> { ["Email"] = "a@b.example", ["Reason"] = "Test" });
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {path} gave {(int)post.StatusCode}");
            }
        }

        // Page handlers that take a record id in the query string.
        using var revoke = await client.PostWithTokenAsync("/admin/api-keys", $"/admin/api-keys?handler=Revoke&apiKeyId={other["apiKeyId"]}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        foreach (var handler in new[] { "ResetTwoFactor", "Deactivate" })
        {
            using var response = await client.PostWithTokenAsync("/admin/users", $"/admin/users/{other["userId"]}?handler={handler}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // Nothing of the other council changed.
        var (scope, db) = app.OpenDatabase(otherborough);
        using (scope)
        {
            var person = await db.People.SingleAsync(p => p.Id == other["personId"]);
            Assert.NotEqual("a@b.example", person.Email);
            Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == other["apiKeyId"])).RevokedAt);
            Assert.Null((await db.Users.SingleAsync(u => u.Id == other["userId"])).DeactivatedAt);
        }
    }

    [Fact]
    public async Task Api_KeyOfAnotherCouncil_SeesOnlyItsOwnCouncil()
    {
        app.SkipIfUnavailable();
        var (_, otherborough) = await CouncilsAsync();
        var (key, _, _) = await CreateApiKeyAsync(otherborough, ApiScopes.PeopleRead);
        using var client = app.CreateClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var json = await client.Http.GetStringAsync(new Uri("/api/v1/people", UriKind.Relative));
        Assert.Contains("OB-000001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("EX-0001", json, StringComparison.Ordinal);
    }

    private async Task<(Guid Exampleshire, Guid Otherborough)> CouncilsAsync()
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            var councils = await db.Councils.ToDictionaryAsync(c => c.Slug, c => c.Id);
            return (councils[DemoSeeder.CouncilSlug], councils[DemoSeeder.SecondCouncilSlug]);
        }
    }

    /// <summary>One record of each kind that a route can name, all in the second council.</summary>
    private async Task<Dictionary<string, Guid>> OtherCouncilRecordsAsync(Guid otherborough)
    {
        var (scope, db) = app.OpenDatabase(otherborough);
        using (scope)
        {
            var person = await db.People.FirstAsync();
            var user = await db.Users.FirstOrDefaultAsync(u => u.CouncilId == otherborough);
            if (user is null)
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                user = new AppUser { Id = Guid.NewGuid(), UserName = "admin@otherborough.example", Email = "admin@otherborough.example", DisplayName = "Other admin", Role = Role.CouncilAdmin, CouncilId = otherborough };
                Assert.True((await users.CreateAsync(user, "Otherborough admin passphrase")).Succeeded);
            }
            var key = await db.ApiKeys.FirstOrDefaultAsync();
            var keyId = key?.Id ?? (await CreateApiKeyAsync(otherborough, ApiScopes.PeopleRead)).Id;
            var arrangement = await db.Arrangements.SingleAsync(a => a.PersonId == person.Id);
            var task = await db.Tasks.FirstAsync(t => t.ArrangementId == arrangement.Id);
            var review = await db.Reviews.FirstAsync(r => r.ArrangementId == arrangement.Id);
            var account = await db.DpAccounts.Where(a => a.ArrangementId == arrangement.Id).Select(a => a.Id).FirstAsync();
            var flag = await Finance.MoneyTestData.FlagForAsync(db, account);
            return new Dictionary<string, Guid>
            {
                ["personId"] = person.Id, ["userId"] = user.Id, ["apiKeyId"] = keyId,
                ["arrangementId"] = arrangement.Id, ["taskId"] = task.Id, ["reviewId"] = review.Id,
                ["accountId"] = account, ["flagId"] = flag,
            };
        }
    }

    private async Task<(string Key, Guid Id, Guid Council)> CreateApiKeyAsync(Guid councilId, string scopes)
    {
        var (scope, db) = app.OpenDatabase(councilId);
        using (scope)
        {
            var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
            var row = new ApiKey { Id = Guid.NewGuid(), Name = "Test key", Prefix = prefix, SecretHash = hash, Scopes = scopes };
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync();
            return (key, row.Id, councilId);
        }
    }
}

public sealed class TenancyTests_Sqlite(SqliteApp app) : TenancyTests(app), IClassFixture<SqliteApp>;

public sealed class TenancyTests_Postgres(PostgresApp app) : TenancyTests(app), IClassFixture<PostgresApp>;
