using DirectPayments.Domain.Journey;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>The demo council shows the whole journey, and every demo arrangement got where it is through the state machine.</summary>
public abstract class DemoJourneyTests(TestApp app)
{
    [Fact]
    public async Task DemoCouncil_HasAnArrangementAtEveryStage()
    {
        app.SkipIfUnavailable();
        var (scope, db) = await OpenExampleshireAsync();
        using (scope)
        {
            var stages = await db.Arrangements.Select(a => a.Stage).Distinct().ToListAsync();
            Assert.Equal(Enum.GetValues<Stage>().OrderBy(s => s), stages.OrderBy(s => s));
        }
    }

    [Fact]
    public async Task DemoArrangements_TimelineIsAChainOfAllowedMoves()
    {
        app.SkipIfUnavailable();
        var (scope, db) = await OpenExampleshireAsync();
        using (scope)
        {
            var arrangements = await db.Arrangements.AsNoTracking().ToListAsync();
            Assert.NotEmpty(arrangements);
            foreach (var arrangement in arrangements)
            {
                var moves = await db.ArrangementTransitions.AsNoTracking().Where(t => t.ArrangementId == arrangement.Id)
                    .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).ToListAsync();
                Assert.Equal((Stage.Enquiry, Stage.Enquiry), (moves[0].From, moves[0].To));
                var stage = Stage.Enquiry;
                foreach (var move in moves.Skip(1))
                {
                    Assert.Equal(stage, move.From);
                    Assert.True(JourneyRules.IsEdge(move.From, move.To), $"{arrangement.Reference}: {move.From} to {move.To} is not a move the rules allow");
                    stage = move.To;
                }
                Assert.Equal(arrangement.Stage, stage);
            }
        }
    }

    [Fact]
    public async Task DemoActiveArrangements_HaveAFirstReviewWithinSixMonthsOfTheFirstPayment()
    {
        app.SkipIfUnavailable();
        var (scope, db) = await OpenExampleshireAsync();
        using (scope)
        {
            var active = await db.Arrangements.AsNoTracking().Where(a => a.Stage == Stage.Active).ToListAsync();
            Assert.NotEmpty(active);
            foreach (var arrangement in active)
            {
                var reviews = await db.Tasks.AsNoTracking().Where(t => t.ArrangementId == arrangement.Id && t.Kind == TaskKind.Review).OrderBy(t => t.DueOn).ToListAsync();
                Assert.Equal(TaskRules.FirstReviewDue(arrangement.FirstPaymentOn!.Value), reviews[0].DueOn);
            }
        }
    }

    private async Task<(Microsoft.Extensions.DependencyInjection.IServiceScope Scope, DirectPayments.Data.DpDbContext Db)> OpenExampleshireAsync()
    {
        var (scope, db) = app.OpenDatabase();
        db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        return (scope, db);
    }
}

public sealed class DemoJourneyTests_Sqlite(SqliteApp app) : DemoJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class DemoJourneyTests_Postgres(PostgresApp app) : DemoJourneyTests(app), IClassFixture<PostgresApp>;
