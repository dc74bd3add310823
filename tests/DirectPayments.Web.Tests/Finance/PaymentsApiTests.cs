using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>The payment-run API for the council's finance system, with idempotency keys (issue #4, item 2).</summary>
public abstract class PaymentsApiTests(TestApp app)
{
    private static HttpRequestMessage Create(DateOnly payOn, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/payment-runs", UriKind.Relative))
        {
            Content = JsonContent.Create(new { payOn = payOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return request;
    }

    [Fact]
    public async Task Create_SameKeyTwice_ReturnsTheSameRunAndPaysOnce()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 5);
        using var client = await app.ApiClientAsync(account.CouncilId, $"{ApiScopes.MoneyRead} {ApiScopes.MoneyWrite}");
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Create(app.Today(), key));
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, firstText);
        var run = JsonDocument.Parse(firstText).RootElement;
        var id = run.GetProperty("id").GetGuid();
        Assert.Equal("Confirmed", run.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/payment-runs/{id}", first.Headers.Location!.OriginalString);
        Assert.Contains(run.GetProperty("lines").EnumerateArray(), l => l.GetProperty("accountId").GetGuid() == account.AccountId && l.GetProperty("amountPence").GetInt64() == 140_000);

        using var again = await client.SendAsync(Create(app.Today(), key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        Assert.Single(await app.EntriesAsync(account));
        var (scope, db) = app.OpenDatabase(account.CouncilId);
        using (scope)
        {
            Assert.Equal(1, await db.PaymentRuns.CountAsync(r => r.IdempotencyKey == key));
        }

        using var get = await client.GetAsync(new Uri($"/api/v1/payment-runs/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var csv = await client.GetAsync(new Uri($"/api/v1/payment-runs/{id}/file?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("payment_reference,pay_on,payee_name", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bacs = await client.GetAsync(new Uri($"/api/v1/payment-runs/{id}/file?format=bacs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bacs.StatusCode);
        using var other = await client.GetAsync(new Uri($"/api/v1/payment-runs/{id}/file?format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Create_SameKeyAtOnce_MakesOneRun()
    {
        app.SkipIfUnavailable();
        var account = await app.NewActiveAccountAsync(startedDaysAgo: 6);
        using var client = await app.ApiClientAsync(account.CouncilId, ApiScopes.MoneyWrite);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(client.SendAsync(Create(app.Today(), key)), client.SendAsync(Create(app.Today(), key)));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid());
            response.Dispose();
        }
        Assert.Single(ids.Distinct());
        Assert.Single(await app.EntriesAsync(account));
    }

    [Fact]
    public async Task Create_WithoutKey_IsRefusedWithAProblem()
    {
        app.SkipIfUnavailable();
        var council = await app.CouncilAsync();
        using var client = await app.ApiClientAsync(council, ApiScopes.MoneyWrite);
        using var response = await client.SendAsync(Create(app.Today(), null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JourneyApi.ProblemBase + "idempotency-key-required", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Create_PayOnTooFarAhead_IsAValidationProblem()
    {
        app.SkipIfUnavailable();
        var council = await app.CouncilAsync();
        using var client = await app.ApiClientAsync(council, ApiScopes.MoneyWrite);
        using var response = await client.SendAsync(Create(app.Today().AddDays(40), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("The pay-on date must be no more than 35 days from today", errors.GetProperty("payOn")[0].GetString());
    }

    [Fact]
    public async Task Create_WithReadOnlyKey_IsForbidden()
    {
        app.SkipIfUnavailable();
        var council = await app.CouncilAsync();
        using var client = await app.ApiClientAsync(council, ApiScopes.MoneyRead);
        using var response = await client.SendAsync(Create(app.Today(), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithJourneyKeyOnly_IsForbidden()
    {
        app.SkipIfUnavailable();
        var council = await app.CouncilAsync();
        using var client = await app.ApiClientAsync(council, ApiScopes.JourneyRead);
        using var response = await client.GetAsync(new Uri($"/api/v1/payment-runs/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class PaymentsApiTests_Sqlite(SqliteApp app) : PaymentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentsApiTests_Postgres(PostgresApp app) : PaymentsApiTests(app), IClassFixture<PostgresApp>;
