using System.Globalization;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>A direct payment made for one test, so no test depends on another's payments.</summary>
public sealed record TestAccount(Guid CouncilId, Guid ArrangementId, Guid AccountId, Guid PersonId, string PersonName, string ArrangementReference);

/// <summary>Builders for the money tests: each writes through the real rules and the real database.</summary>
public static class FinanceTestData
{
    public const string FinanceOfficer = "fiona.reid@demo.example";

    public static async Task<Guid> CouncilAsync(this TestApp app, string slug = DemoSeeder.CouncilSlug)
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            return await db.Councils.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
        }
    }

    public static DateOnly Today(this TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MoneyActions>().Today;
    }

    /// <summary>
    /// A new person with an active direct payment walked through the journey, whose schedule is then set to
    /// start <paramref name="startedDaysAgo"/> days ago on the given terms, with bank details unless told otherwise.
    /// </summary>
    public static async Task<TestAccount> NewActiveAccountAsync(this TestApp app, int startedDaysAgo = 30, long weeklyPence = 35_000,
        long contributionPence = 0, PaymentBasis basis = PaymentBasis.Net, bool bankDetails = true, long oneOffPence = 0)
    {
        var council = await app.CouncilAsync();
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var family = "Payee" + Guid.NewGuid().ToString("N")[..8];
            var person = new Person
            {
                Id = Guid.NewGuid(),
                Reference = "PAY-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                GivenName = "Test",
                FamilyName = family,
                DateOfBirth = new DateOnly(1970, 6, 15),
                CreatedAt = DateTime.UtcNow,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var builder = scope.ServiceProvider.GetRequiredService<JourneyBuilder>();
            var arrangement = await builder.WalkToAsync(person, Stage.Active, new JourneyShape { StartedDaysAgo = 60, WeeklyContribution = new Domain.Money(contributionPence) });
            var account = await db.DpAccounts.SingleAsync(a => a.ArrangementId == arrangement.Id);
            var schedule = await db.PaymentSchedules.SingleAsync(s => s.ArrangementId == arrangement.Id);
            schedule.StartsOn = app.Today().AddDays(-startedDaysAgo);
            schedule.Frequency = PaymentFrequency.FourWeekly;
            schedule.Basis = basis;
            schedule.WeeklyBudgetPence = weeklyPence;
            schedule.WeeklyContributionPence = contributionPence;
            schedule.OneOffPence = oneOffPence;
            if (bankDetails)
            {
                account.SortCode = "309950";
                account.AccountNumber = "31926819";
            }
            await db.SaveChangesAsync();
            return new TestAccount(council, arrangement.Id, account.Id, person.Id, $"Test {family}", arrangement.Reference);
        }
    }

    /// <summary>The ledger entries of one account.</summary>
    public static async Task<List<LedgerEntry>> EntriesAsync(this TestApp app, TestAccount account)
    {
        var (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            return await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == account.AccountId).OrderBy(e => e.Id).ToListAsync();
        }
    }

    /// <summary>A client holding a new API key of the council with these scopes.</summary>
    public static async Task<HttpClient> ApiClientAsync(this TestApp app, Guid council, string scopes)
    {
        var (scope, db) = app.OpenDatabase(council);
        string key;
        using (scope)
        {
            var (text, prefix, hash) = ApiKeyAuthentication.NewKey();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Finance system", Prefix = prefix, SecretHash = hash, Scopes = scopes });
            await db.SaveChangesAsync();
            key = text;
        }
        var client = app.CreateClient().Http;
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    public static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{field}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{field}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };
}
