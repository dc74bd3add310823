using System.Globalization;
using System.Net;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance;
using DirectPayments.Web.Features.Finance.Monitoring;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>
/// Monitoring over real ledger entries (issue #4, items 5 to 7): each flag raised once with its
/// conversation task, incremental runs agreeing with full ones, conversations, reclaims, settings
/// and the nightly job on two nodes.
/// </summary>
public abstract class MonitoringTests(TestApp app)
{
    private const string Finance = "fiona.reid@demo.example";

    private sealed record TestAccount(Guid Id, Guid ArrangementId, Guid PersonId, long WeeklyPence);

    [Fact]
    public async Task Run_RaisesEachFlagFromRealEntries_WithATask_AndNotTwice()
    {
        app.SkipIfUnavailable();
        var today = Today();
        var accounts = await NewAccountsAsync(4, [0, 0, 35, 0]);
        var (a1, a2, a3, a4) = (accounts[0], accounts[1], accounts[2], accounts[3]);
        // 1: ten weeks' budget in the wallet; the same £60 to ACME CARE on two days three days apart.
        await PostAsync(a1, (LedgerBook.Council, LedgerBook.Wallet, a1.WeeklyPence * 10, today.AddDays(-50), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 6_000, today.AddDays(-10), "ACME CARE", CostCategory.PersonalAssistant),
            (LedgerBook.Wallet, LedgerBook.Spending, 6_000, today.AddDays(-7), "ACME CARE", CostCategory.PersonalAssistant));
        // 2: overdrawn, by buying equipment the plan does not include.
        await PostAsync(a2, (LedgerBook.Council, LedgerBook.Wallet, 10_000, today.AddDays(-60), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 30_000, today.AddDays(-5), "MOBILITY SHOP", CostCategory.Equipment));
        // 3: nothing at all, with a £35 weekly contribution: never spent, contributions unpaid.
        // 4: two identical purchases on one day (not duplicates), and a PA payment a note re-sorted as equipment.
        await PostAsync(a4, (LedgerBook.Council, LedgerBook.Wallet, a4.WeeklyPence * 4, today.AddDays(-20), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 8_000, today.AddDays(-3), "BOB'S CAFE", CostCategory.Activities),
            (LedgerBook.Wallet, LedgerBook.Spending, 8_000, today.AddDays(-3), "BOB'S CAFE", CostCategory.Activities),
            (LedgerBook.Wallet, LedgerBook.Spending, 15_000, today.AddDays(-2), "HOIST HIRE", CostCategory.PersonalAssistant));
        await NoteAsync(a4, "HOIST HIRE", CostCategory.Equipment);

        var first = await RunAsync(today, incremental: false);
        Assert.True(first.RaisedTotal >= 7);
        var flags = await FlagsAsync();
        Assert.Equal([FlagKind.BalanceAboveContingency, FlagKind.PossibleDuplicatePayment], Kinds(flags, a1));
        Assert.Equal([FlagKind.ProjectedToRunOut, FlagKind.SpendingOutsidePlan], Kinds(flags, a2));
        Assert.Equal([FlagKind.NoSpendingSinceSetUp, FlagKind.ContributionsNotPaid], Kinds(flags, a3));
        Assert.Equal([FlagKind.SpendingOutsidePlan], Kinds(flags, a4));
        var duplicate = flags.Single(f => f.AccountId == a1.Id && f.Kind == FlagKind.PossibleDuplicatePayment);
        Assert.Contains("ACME CARE", duplicate.Facts, StringComparison.Ordinal);
        Assert.Contains("£60.00", duplicate.Opening, StringComparison.Ordinal);
        Assert.Contains("Equipment", flags.Single(f => f.AccountId == a4.Id).Facts, StringComparison.Ordinal);

        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == duplicate.TaskId);
            Assert.Equal((TaskKind.SupportiveConversation, today.AddDays(14), a1.PersonId), (task.Kind, task.DueOn, task.PersonId));
            Assert.Contains(duplicate.Opening, task.Notes, StringComparison.Ordinal);
            Assert.NotNull(task.TeamId);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Monitoring run" && e.Actor == "system:monitoring"));
        }

        var second = await RunAsync(today, incremental: false);
        var again = await FlagsAsync();
        Assert.Equal(flags.Count, again.Count);
        Assert.True(second.StillOpen >= 7);
        (scope, db) = await OpenAsync();
        using (scope)
        {
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.PersonId == a1.PersonId && t.Kind == TaskKind.SupportiveConversation));
        }
    }

    [Fact]
    public async Task IncrementalRun_AfterNewEntries_AgreesWithAFullRun()
    {
        app.SkipIfUnavailable();
        var today = Today();
        var account = (await NewAccountsAsync(1, [0]))[0];
        await PostAsync(account, (LedgerBook.Council, LedgerBook.Wallet, account.WeeklyPence * 4, today.AddDays(-30), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 2_000, today.AddDays(-20), "CORNER SHOP", CostCategory.Activities));
        await RunAsync(today, incremental: false);
        Assert.Empty(Kinds(await FlagsAsync(), account));

        // New entries: a big payment in, and a duplicate payment.
        await PostAsync(account, (LedgerBook.Council, LedgerBook.Wallet, account.WeeklyPence * 6, today.AddDays(-1), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 7_500, today.AddDays(-4), "CARE AGENCY LTD", CostCategory.PersonalAssistant),
            (LedgerBook.Wallet, LedgerBook.Spending, 7_500, today, "CARE AGENCY LTD", CostCategory.PersonalAssistant));
        var incremental = await RunAsync(today, incremental: true);
        Assert.True(incremental.Incremental);
        var afterIncremental = Kinds(await FlagsAsync(), account);
        Assert.Equal([FlagKind.BalanceAboveContingency, FlagKind.PossibleDuplicatePayment], afterIncremental);
        var totalsIncremental = await TotalsAsync();

        var full = await RunAsync(today, incremental: false);
        Assert.Equal(0, full.RaisedTotal);
        Assert.Equal(afterIncremental, Kinds(await FlagsAsync(), account));
        Assert.Equal(totalsIncremental, await TotalsAsync());
        Assert.Equal(account.WeeklyPence * 10 - 17_000, totalsIncremental[account.Id].Wallet);
    }

    [Fact]
    public async Task RecordOutcome_CompletesTheTask_AndAgreedReclaimLeadsToTheReclaimForm()
    {
        app.SkipIfUnavailable();
        var today = Today();
        var account = (await NewAccountsAsync(1, [0]))[0];
        await PostAsync(account, (LedgerBook.Council, LedgerBook.Wallet, account.WeeklyPence * 9, today.AddDays(-30), null, null),
            (LedgerBook.Wallet, LedgerBook.Spending, 1_000, today.AddDays(-20), "CORNER SHOP", CostCategory.Activities));
        await RunAsync(today, incremental: false);
        var flag = (await FlagsAsync()).Single(f => f.AccountId == account.Id);

        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        var page = await client.GetPageAsync($"/money/flags/{flag.Id}");
        Assert.Contains(flag.Opening, page.QuerySelector("#opening")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(flag.Facts, page.QuerySelector("#facts")!.TextContent, StringComparison.Ordinal);
        var list = await client.GetPageAsync("/money/flags?Kind=BalanceAboveContingency");
        Assert.NotNull(list.QuerySelector($"#flags a[href='/money/flags/{flag.Id}']"));

        using var missing = await client.SubmitAsync($"/money/flags/{flag.Id}", new Dictionary<string, string> { ["Notes"] = "" });
        Assert.Equal(["Choose how the conversation ended", "Enter what was talked about and agreed"], await TestClient.ErrorsAsync(missing));

        using var response = await client.SubmitAsync($"/money/flags/{flag.Id}", new Dictionary<string, string>
        {
            ["Outcome"] = "AgreedReclaim", ["Notes"] = "Saved up while the PA was off sick; agreed to return £500 at the home visit.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/accounts/{account.Id}/reclaims/new?flagId={flag.Id}", response.Headers.Location!.OriginalString);
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var saved = await db.MoneyFlags.SingleAsync(f => f.Id == flag.Id);
            Assert.Equal((FlagStatus.Resolved, ConversationOutcome.AgreedReclaim, "Fiona Reid"), (saved.Status, saved.Outcome, saved.ResolvedByName));
            var task = await db.Tasks.SingleAsync(t => t.Id == flag.TaskId);
            Assert.Equal(today, task.CompletedOn);
            Assert.StartsWith("Person agreed to return money: Saved up", task.Outcome, StringComparison.Ordinal);
        }

        // The task list's link opens the flag page.
        using var practitioner = app.CreateClient();
        await practitioner.SignInAsync("priya.shah@demo.example");
        using var taskLink = await practitioner.GetAsync($"/arrangements/{account.ArrangementId}/tasks/{flag.TaskId}");
        Assert.Equal(HttpStatusCode.Redirect, taskLink.StatusCode);
        Assert.Equal($"/money/flags/{flag.Id}", taskLink.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reclaim_NeedsABasis_AndNoMoreThanTheBalance_ThenPostsWalletToCouncil()
    {
        app.SkipIfUnavailable();
        var today = Today();
        var account = (await NewAccountsAsync(1, [0]))[0];
        await PostAsync(account, (LedgerBook.Council, LedgerBook.Wallet, 100_000, today.AddDays(-30), null, null));
        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        var path = $"/accounts/{account.Id}/reclaims/new";

        using var noBasis = await client.SubmitAsync(path, new Dictionary<string, string> { ["Amount"] = "500.00", ["Instalments"] = "1" });
        Assert.Equal(["Choose whether the person agreed or this is a formal decision"], await TestClient.ErrorsAsync(noBasis));

        using var formal = await client.SubmitAsync(path, new Dictionary<string, string> { ["Amount"] = "1000.01", ["Instalments"] = "1", ["Basis"] = "FormalDecision" });
        Assert.Equal(
            ["The amount cannot be more than the £1,000.00 in the account", "Enter the written reasons given to the person",
             "Enter the date notice was given to the person", "Enter how the person can challenge the decision"],
            await TestClient.ErrorsAsync(formal));
        Assert.Equal(0, await ReclaimCountAsync(account));

        using var agreed = await client.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Amount"] = "400.00", ["Instalments"] = "1", ["Basis"] = "PersonAgreed",
            ["AgreementDetails"] = "Agreed at the home visit: \"I don't need that much in there.\"",
            ["AgreedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["AgreedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["AgreedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.True(agreed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(agreed)));
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var reclaim = await db.Reclaims.SingleAsync(r => r.AccountId == account.Id);
            Assert.Equal((40_000L, ReclaimBasis.PersonAgreed), (reclaim.AmountPence, reclaim.Basis));
            var entry = await db.LedgerEntries.SingleAsync(e => e.SourceId == reclaim.Id);
            Assert.Equal((LedgerBook.Council, LedgerBook.Wallet, 40_000L, EntrySource.Reclaim), (entry.Debit, entry.Credit, entry.AmountPence, entry.Source));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Reclaim recorded" && e.RecordId == reclaim.Id.ToString()));
        }
        var oversight = await client.GetPageAsync($"/accounts/{account.Id}/oversight");
        Assert.Contains("I don't need that much in there.", oversight.QuerySelector("#reclaims")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReclaimActions_WithoutABasis_NeverWritesAnything()
    {
        app.SkipIfUnavailable();
        var account = (await NewAccountsAsync(1, [0]))[0];
        await PostAsync(account, (LedgerBook.Council, LedgerBook.Wallet, 50_000, Today().AddDays(-5), null, null));
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var actions = scope.ServiceProvider.GetRequiredService<ReclaimActions>();
            var dp = await db.DpAccounts.SingleAsync(a => a.Id == account.Id);
            var (reclaim, problems) = await actions.RecordAsync(dp, null,
                new ReclaimRequest(10_000, null, "Agreed", Today(), "Reasons", Today(), "Complaints"), new Features.Journey.Who(null, "Test"));
            Assert.Null(reclaim);
            Assert.Contains(problems, p => p.Field == "Basis");
            Assert.Equal(0, await db.Reclaims.CountAsync(r => r.AccountId == account.Id));
            Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.AccountId == account.Id && e.Credit == LedgerBook.Wallet && e.Debit == LedgerBook.Council));
        }
    }

    [Fact]
    public async Task Settings_ChangeIsANewVersionWithItsReason_BadValuesAreRefused()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        await client.SignInAsync(Finance);
        using var bad = await client.SubmitAsync("/money/monitoring-settings", new Dictionary<string, string> { ["ContingencyWeeks"] = "0", ["Reason"] = "" });
        Assert.Equal(["Enter why the settings are changing", "Contingency, in weeks of planned spend must be between 1 and 52"], await TestClient.ErrorsAsync(bad));

        var (scope, db) = await OpenAsync();
        int before;
        using (scope)
        {
            before = await db.MonitoringSettings.CountAsync();
        }
        using var good = await client.SubmitAsync("/money/monitoring-settings", new Dictionary<string, string>
        {
            ["ContingencyWeeks"] = "12", ["OutsidePlanPence"] = "250.00", ["Reason"] = "Panel agreed a longer contingency for people saving for respite.",
        });
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, string.Join("; ", await TestClient.ErrorsAsync(good)));
        (scope, db) = await OpenAsync();
        using (scope)
        {
            var current = await MonitoringSettingsQuery.CurrentAsync(db, Today());
            Assert.Equal(before + 1, current.Version);
            Assert.Equal((12, 25_000L, "Fiona Reid"), (current.ContingencyWeeks, current.OutsidePlanPence, current.ChangedByName));
            Assert.Equal(8, MonitoringSettingsQuery.Defaults(Guid.Empty).ContingencyWeeks);
            // Put the defaults back for the other tests in this class.
            var defaults = MonitoringSettingsQuery.Defaults(db.CurrentCouncilId);
            defaults.Id = Guid.NewGuid();
            defaults.Version = current.Version + 1;
            defaults.EffectiveFrom = Today();
            db.MonitoringSettings.Add(defaults);
            await db.SaveChangesAsync();
        }
        var page = await client.GetPageAsync("/money/monitoring-settings");
        Assert.Contains("Panel agreed a longer contingency", page.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_TwoNodesTickingTheSameSlot_RunItOnce()
    {
        app.SkipIfUnavailable();
        var services = app.Services;
        MonitoringJob Node(string name) => new(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<MonitoringRun>(),
            services.GetRequiredService<AuditSampleChooser>(), services.GetRequiredService<TimeProvider>(),
            Microsoft.Extensions.Options.Options.Create(new MonitoringJobSettings { JobEnabled = true, JobTime = "00:00" }),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MonitoringJob>>()) { Node = name };
        var (one, two) = (Node("node-a"), Node("node-b"));
        var results = await Task.WhenAll(one.TickAsync(CancellationToken.None), two.TickAsync(CancellationToken.None));
        Assert.Single(results, r => r is not null);
        Assert.Null(await one.TickAsync(CancellationToken.None));
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var run = await db.JobRuns.SingleAsync(r => r.Job == MonitoringJob.JobName);
            Assert.Equal(one.SlotFor(Today()), run.Slot);
            Assert.NotNull(run.FinishedAt);
            Assert.StartsWith("Checked ", run.Outcome, StringComparison.Ordinal);
            Assert.Contains("audit sample", run.Outcome, StringComparison.Ordinal);
            // The first run of the month chose the sample and opened a MoneyAudit task for each account chosen.
            var month = new DateOnly(Today().Year, Today().Month, 1);
            var sample = await db.AuditSamples.Where(s => s.Month == month).ToListAsync();
            Assert.NotEmpty(sample);
            Assert.Equal(sample.Count, await db.Tasks.CountAsync(t => t.Kind == TaskKind.MoneyAudit));
        }
    }

    [Fact]
    public async Task Api_ListsFlags_AndAnAccountsOversight()
    {
        app.SkipIfUnavailable();
        var account = (await NewAccountsAsync(1, [0]))[0];
        await RunAsync(Today(), incremental: false);
        var (scope, db) = await OpenAsync();
        string key;
        using (scope)
        {
            var (secret, prefix, hash) = Web.Platform.Access.ApiKeyAuthentication.NewKey();
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Monitoring test", Prefix = prefix, SecretHash = hash, Scopes = ApiScopes.MoneyRead });
            await db.SaveChangesAsync();
            key = secret;
        }
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var flags = await http.GetAsync(new Uri("/api/v1/flags?status=Open&kind=NoSpendingSinceSetUp&pageSize=100", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, flags.StatusCode);
        var body = await flags.Content.ReadAsStringAsync();
        Assert.Contains(account.Id.ToString(), body, StringComparison.Ordinal);
        using var bad = await http.GetAsync(new Uri("/api/v1/flags?kind=Nonsense", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var oversight = await http.GetAsync(new Uri($"/api/v1/accounts/{account.Id}/oversight", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, oversight.StatusCode);
        Assert.Contains("\"level\":", await oversight.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await http.GetAsync(new Uri($"/api/v1/accounts/{Guid.NewGuid()}/oversight", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private DateOnly Today() => app.Services.GetRequiredService<TimeProvider>().TodayInEngland();

    private async Task<MonitorOutcome> RunAsync(DateOnly today, bool incremental) =>
        await app.Services.GetRequiredService<MonitoringRun>().RunAsync(today, incremental, CancellationToken.None);

    private async Task<(IServiceScope Scope, DpDbContext Db)> OpenAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }

    private static FlagKind[] Kinds(IEnumerable<MoneyFlag> flags, TestAccount account) =>
        flags.Where(f => f.AccountId == account.Id).Select(f => f.Kind).Order().ToArray();

    private async Task<List<MoneyFlag>> FlagsAsync()
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.MoneyFlags.AsNoTracking().ToListAsync();
        }
    }

    private async Task<Dictionary<Guid, (long Wallet, long Outflow, long Contributions)>> TotalsAsync()
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.Set<MonitoringTotals>().AsNoTracking().ToDictionaryAsync(t => t.AccountId, t => (t.WalletPence, t.OutflowPence, t.ContributionsPence));
        }
    }

    private async Task<int> ReclaimCountAsync(TestAccount account)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            return await db.Reclaims.CountAsync(r => r.AccountId == account.Id);
        }
    }

    /// <summary>New people in Adults North, each with a direct payment active for 120 days, and their accounts.</summary>
    private async Task<List<TestAccount>> NewAccountsAsync(int count, long[] weeklyContributionPounds)
    {
        var result = new List<TestAccount>();
        for (var i = 0; i < count; i++)
        {
            var (scope, db) = await OpenAsync();
            using (scope)
            {
                var team = await db.People.Where(p => p.Reference == "EX-000101").Select(p => p.TeamId).SingleAsync();
                var n = await db.People.CountAsync() + 1;
                var person = new Person
                {
                    Id = Guid.NewGuid(), Reference = $"EX-9{n:D5}", GivenName = "Test", FamilyName = $"Person{n}", DateOfBirth = new DateOnly(1970, 1, 1),
                    TeamId = team, CreatedAt = DateTime.UtcNow,
                };
                db.People.Add(person);
                await db.SaveChangesAsync();
                var arrangement = await scope.ServiceProvider.GetRequiredService<JourneyBuilder>().WalkToAsync(person, Stage.Active,
                    new JourneyShape { StartedDaysAgo = 120, WeeklyContribution = Money.FromPounds(weeklyContributionPounds[i]), EmploysPersonalAssistant = false });
                var account = await db.DpAccounts.SingleAsync(a => a.ArrangementId == arrangement.Id);
                var schedule = await db.PaymentSchedules.SingleAsync(s => s.AccountId == account.Id);
                // Payments started 16 weeks ago: long enough for "no spending" and two contribution periods.
                schedule.StartsOn = Today().AddDays(-112);
                await db.SaveChangesAsync();
                result.Add(new TestAccount(account.Id, arrangement.Id, person.Id, schedule.WeeklyBudgetPence));
            }
        }
        return result;
    }

    private async Task PostAsync(TestAccount account, params (LedgerBook Credit, LedgerBook Debit, long Pence, DateOnly On, string? Payee, CostCategory? Category)[] moves)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var money = scope.ServiceProvider.GetRequiredService<MoneyActions>();
            var source = Guid.NewGuid();
            money.Post(moves.Select((m, i) => new LedgerEntry
            {
                CouncilId = db.CurrentCouncilId, AccountId = account.Id, Credit = m.Credit, Debit = m.Debit, AmountPence = m.Pence, OccurredOn = m.On,
                Source = EntrySource.Statement, SourceId = source, LineNumber = i + 1, Description = m.Payee ?? "PAYMENT", Payee = m.Payee, Category = m.Category,
            }).ToList(), "Test entries", "Test", source.ToString());
            await db.SaveChangesAsync();
        }
    }

    private async Task NoteAsync(TestAccount account, string payee, CostCategory category)
    {
        var (scope, db) = await OpenAsync();
        using (scope)
        {
            var entry = await db.LedgerEntries.SingleAsync(e => e.AccountId == account.Id && e.Payee == payee);
            db.EntryNotes.Add(new EntryNote { Id = Guid.NewGuid(), AccountId = account.Id, EntryId = entry.Id, Category = category, ByName = "Test", At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
    }
}

public sealed class MonitoringTests_Sqlite(SqliteApp app) : MonitoringTests(app), IClassFixture<SqliteApp>;

public sealed class MonitoringTests_Postgres(PostgresApp app) : MonitoringTests(app), IClassFixture<PostgresApp>;
