using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Testing;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Web.Tests.Journey;

/// <summary>Arrangements, plans and allocation tool versions written straight to the database, for the plan and review tests.</summary>
internal static class PlanTestData
{
    public static DateOnly Today(TestApp app) => app.Services.GetRequiredService<TimeProvider>().TodayInEngland();

    public static async Task<T> ReadAsync<T>(TestApp app, Func<DpDbContext, Task<T>> read, string slug = DemoSeeder.CouncilSlug)
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            db.Actor.CouncilId = await db.Councils.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            return await read(db);
        }
    }

    /// <summary>A new arrangement for a demo person, at the given stage, with the assessment outcome filled in from planning on.</summary>
    public static Task<Arrangement> ArrangementAsync(TestApp app, string personReference, Stage stage, Action<Arrangement>? change = null, string slug = DemoSeeder.CouncilSlug) =>
        ReadAsync(app, async db =>
        {
            var person = await db.People.SingleAsync(p => p.Reference == personReference);
            var today = Today(app);
            var arrangement = new Arrangement
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                Reference = "DP-T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
                Stage = stage,
                Route = LegalRoute.AdultWithCapacity,
                Channel = EnquiryChannel.Practitioner,
                EnquiryOn = today.AddDays(-30),
                StageChangedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                Version = Guid.NewGuid(),
            };
            if (stage is not (Stage.Enquiry or Stage.Assessment))
            {
                arrangement.AssessmentReference = "CS-1";
                arrangement.AssessedOn = today.AddDays(-20);
                arrangement.EligibleNeeds = "Help with personal care";
                arrangement.NeedLevel = NeedLevel.High;
                arrangement.IndicativeWeeklyPence = 30000;
            }
            change?.Invoke(arrangement);
            db.Arrangements.Add(arrangement);
            await db.SaveChangesAsync();
            return arrangement;
        }, slug);

    /// <summary>A plan version for an arrangement: complete (ready to agree) unless told otherwise.</summary>
    public static Task<SupportPlan> PlanAsync(TestApp app, Guid arrangementId, PlanStatus status, int version = 1, bool complete = true) =>
        ReadAsync(app, async db =>
        {
            var plan = new SupportPlan
            {
                Id = Guid.CreateVersion7(),
                ArrangementId = arrangementId,
                Version = version,
                Status = status,
                CreatedAt = DateTime.UtcNow,
                CanBeUsedFor = SupportPlanRules.DefaultCanBeUsedFor,
                ConcurrencyToken = Guid.NewGuid(),
            };
            if (complete)
            {
                plan.ContingencyPlan = "My sister Ada steps in if my PA is off sick";
                plan.CircleOfSupport = "Ada, my sister; my neighbour Jo";
                plan.Outcomes.Add(new PlanOutcome { Id = Guid.NewGuid(), Order = 1, InTheirWords = "I want to go swimming on Saturdays", HowItIsMet = "A PA goes with me" });
                plan.Costs.Add(new PlanCost { Id = Guid.NewGuid(), Order = 1, Category = CostCategory.PersonalAssistant, Description = "PA, Saturday mornings", WeeklyMinutes = 450, WeeklyPence = 12050 });
            }
            if (status == PlanStatus.Agreed)
            {
                plan.AgreedAt = DateTime.UtcNow;
                plan.AgreedByName = "Edith Clarke";
            }
            db.SupportPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan;
        });

    /// <summary>
    /// A new allocation tool version, in force from today and newer than any other, with a rate of
    /// £100 a week times the need level's number for every age band, or with no rates at all.
    /// </summary>
    public static Task<int> ToolAsync(TestApp app, bool withRates = true) =>
        ReadAsync(app, async db =>
        {
            var version = (await db.AllocationToolVersions.MaxAsync(v => (int?)v.Version) ?? 0) + 1;
            var tool = new AllocationToolVersion
            {
                Id = Guid.CreateVersion7(),
                Version = version,
                EffectiveFrom = Today(app),
                CreatedAt = DateTime.UtcNow,
                CreatedByName = "Test",
            };
            if (withRates)
            {
                foreach (var band in Enum.GetValues<AgeBand>())
                {
                    foreach (var level in Enum.GetValues<NeedLevel>())
                    {
                        tool.Rates.Add(new AllocationRate { Id = Guid.NewGuid(), AgeBand = band, NeedLevel = level, WeeklyPence = 10000 * ((int)level + 1) });
                    }
                }
            }
            db.AllocationToolVersions.Add(tool);
            await db.SaveChangesAsync();
            return version;
        });
}
