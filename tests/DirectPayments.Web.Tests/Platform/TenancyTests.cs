using System.Net;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Finance;
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
        using var finance = app.CreateClient();
        await finance.SignInAsync(DemoSeeder.Accounts.Single(a => a.Role == Role.FinanceOfficer).Email);
        var (key, _, _) = await CreateApiKeyAsync(exampleshire,
            $"{ApiScopes.PeopleRead} {ApiScopes.PeopleWrite} {ApiScopes.JourneyRead} {ApiScopes.JourneyWrite} {ApiScopes.StatementsPush} {ApiScopes.MoneyRead} {ApiScopes.MoneyWrite}");
        client.Http.DefaultRequestHeaders.Authorization = null;

        // Route values that name no record, such as an error page's status code.
        string[] notRecords = ["code", "documentName", "version", "format"];
        var routes = EndpointCatalogue.Routes(app.Services).Where(r => r.Parameters.Except(notRecords).Any()).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = route.Pattern.Replace("{version}", "1", StringComparison.Ordinal).Replace("{format}", "csv", StringComparison.Ordinal);
            foreach (var parameter in route.Parameters.Except(notRecords))
            {
                if (parameter == "entryId")
                {
                    // Ledger entries have numeric ids given by the database.
                    path = path.Replace("{entryId}", _otherEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                    continue;
                }
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
                // manager asks where the administrator is refused by role, and a finance officer where both are
                // (the money pages). Either way the record must be 404.
                var asker = client;
                foreach (var next in new[] { manager, finance })
                {
                    using var first = await asker.GetAsync(path);
                    if (first.StatusCode != HttpStatusCode.Forbidden)
                    {
                        break;
                    }
                    asker = next;
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

    private long _otherEntryId;

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
            var account = await db.DpAccounts.FirstAsync(a => a.ArrangementId == arrangement.Id);
            var map = await db.ColumnMaps.FirstOrDefaultAsync();
            if (map is null)
            {
                map = new DirectPayments.Domain.Finance.ColumnMap
                {
                    Id = Guid.NewGuid(), Name = "Other map", DateFormat = "dd/MM/yyyy", DateColumn = "Date", DescriptionColumn = "Details",
                    AmountColumn = "Amount", CreatedByName = "Test",
                };
                db.ColumnMaps.Add(map);
            }
            var import = await db.StatementImports.FirstOrDefaultAsync();
            if (import is null)
            {
                import = new DirectPayments.Domain.Finance.StatementImport
                {
                    Id = Guid.NewGuid(), ColumnMapName = "minimal", FileName = "other.csv", FileSha256 = "", ImportedByName = "Test",
                    Status = DirectPayments.Domain.Finance.ImportStatus.Rejected, Report = "line 2: test",
                };
                db.StatementImports.Add(import);
            }
            await db.SaveChangesAsync();
            // Money: Nora's account, with a spend, its receipt and a category rule of her council.
            var receipt = await db.Receipts.FirstOrDefaultAsync(r => r.AccountId == account.Id);
            if (receipt is null)
            {
                receipt = new Receipt { Id = Guid.NewGuid(), AccountId = account.Id, SpentOn = account.OpenedOn, AmountPence = 500, Category = CostCategory.Transport, Description = "Bus fare", ByName = "Nora Price" };
                db.Receipts.Add(receipt);
                var money = scope.ServiceProvider.GetRequiredService<DirectPayments.Web.Features.Finance.MoneyActions>();
                money.Post([new LedgerEntry
                {
                    AccountId = account.Id, Debit = LedgerBook.Spending, Credit = LedgerBook.Cash, AmountPence = 500, OccurredOn = account.OpenedOn,
                    Source = EntrySource.Receipt, SourceId = receipt.Id, LineNumber = 1, Description = "Bus fare", Category = CostCategory.Transport,
                }], "money.receipt.posted", nameof(Receipt), receipt.Id.ToString(), person.Id);
                db.CategoryRules.Add(new CategoryRule { Id = Guid.NewGuid(), Contains = "OTHERBOROUGH BUSES", Category = CostCategory.Transport, CreatedByName = "Test" });
                await db.SaveChangesAsync();
            }
            _otherEntryId = await db.LedgerEntries.Where(e => e.SourceId == receipt.Id).Select(e => e.Id).SingleAsync();
            var rule = await db.CategoryRules.Select(r => r.Id).FirstAsync();
            var run = await db.PaymentRuns.FirstAsync(r => r.Status == Domain.Finance.PaymentRunStatus.Confirmed);
            var flag = await Finance.MoneyTestData.FlagForAsync(db, account.Id);
            return new Dictionary<string, Guid>
            {
                ["personId"] = person.Id, ["userId"] = user.Id, ["apiKeyId"] = keyId,
                ["arrangementId"] = arrangement.Id, ["taskId"] = task.Id, ["reviewId"] = review.Id,
                ["accountId"] = account.Id, ["mapId"] = map.Id, ["importId"] = import.Id, ["receiptId"] = receipt.Id, ["ruleId"] = rule, ["runId"] = run.Id, ["flagId"] = flag,
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
