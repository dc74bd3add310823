using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class SupportPlanRulesTests
{
    private static readonly Guid PlanId = Guid.Parse("0199aaaa-0000-7000-8000-000000000001");

    private static SupportPlan Complete() => new()
    {
        Id = PlanId,
        CouncilId = Guid.Parse("0199aaaa-0000-7000-8000-0000000000c1"),
        ArrangementId = Guid.Parse("0199aaaa-0000-7000-8000-0000000000a1"),
        Version = 2,
        Status = PlanStatus.Agreed,
        ContingencyPlan = "My sister covers if my PA is ill.",
        CircleOfSupport = "My sister and my neighbour.",
        CanBeUsedFor = SupportPlanRules.DefaultCanBeUsedFor,
        PaysCloseFamilyInHousehold = true,
        CreatedAt = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc),
        AgreedAt = new DateTime(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc),
        AgreedByUserId = Guid.Parse("0199aaaa-0000-7000-8000-0000000000b1"),
        AgreedByName = "Amara Okafor",
        ConcurrencyToken = Guid.Parse("0199aaaa-0000-7000-8000-0000000000d1"),
        Outcomes =
        [
            new PlanOutcome { Id = Guid.NewGuid(), PlanId = PlanId, Order = 1, InTheirWords = "Get to work on time", HowItIsMet = "A PA in the mornings" },
            new PlanOutcome { Id = Guid.NewGuid(), PlanId = PlanId, Order = 2, InTheirWords = "Swim on Saturdays", HowItIsMet = "Leisure centre pass" },
        ],
        Costs =
        [
            new PlanCost { Id = Guid.NewGuid(), PlanId = PlanId, Order = 1, Category = CostCategory.PersonalAssistant, Description = "PA mornings", WeeklyMinutes = 900, WeeklyPence = 19500 },
            new PlanCost { Id = Guid.NewGuid(), PlanId = PlanId, Order = 2, Category = CostCategory.Activities, Description = "Swimming", WeeklyMinutes = 60, WeeklyPence = 650 },
        ],
    };

    [Fact]
    public void Missing_CompletePlan_IsEmpty() =>
        Assert.Empty(SupportPlanRules.Missing(Complete()));

    [Theory]
    [InlineData("no-outcomes", "at least one outcome in the person's own words")]
    [InlineData("no-costs", "planned weekly costs")]
    [InlineData("costs-add-to-zero", "planned weekly costs")]
    [InlineData("costs-add-to-less-than-zero", "planned weekly costs")]
    [InlineData("no-contingency", "a contingency plan")]
    [InlineData("blank-contingency", "a contingency plan")]
    [InlineData("no-can-be-used-for", "what the direct payment can be used for")]
    [InlineData("blank-can-be-used-for", "what the direct payment can be used for")]
    public void Missing_OneGap_IsListed(string gap, string missing)
    {
        var plan = Complete();
        switch (gap)
        {
            case "no-outcomes": plan.Outcomes.Clear(); break;
            case "no-costs": plan.Costs.Clear(); break;
            case "costs-add-to-zero": plan.Costs.ForEach(c => c.WeeklyPence = 0); break;
            case "costs-add-to-less-than-zero": plan.Costs[0].WeeklyPence = -20000; break;
            case "no-contingency": plan.ContingencyPlan = null; break;
            case "blank-contingency": plan.ContingencyPlan = " \n "; break;
            case "no-can-be-used-for": plan.CanBeUsedFor = null; break;
            case "blank-can-be-used-for": plan.CanBeUsedFor = "   "; break;
            default: throw new ArgumentOutOfRangeException(nameof(gap), gap, "Unknown gap");
        }

        Assert.Equal([missing], SupportPlanRules.Missing(plan));
    }

    [Fact]
    public void Missing_EmptyPlan_ListsEveryGapInOrder() =>
        Assert.Equal(
            ["at least one outcome in the person's own words", "planned weekly costs", "a contingency plan", "what the direct payment can be used for"],
            SupportPlanRules.Missing(new SupportPlan()));

    [Fact]
    public void Missing_CircleOfSupportBlank_IsNotAGap()
    {
        var plan = Complete();
        plan.CircleOfSupport = null;

        Assert.Empty(SupportPlanRules.Missing(plan));
    }

    [Fact]
    public void NextVersion_AgreedPlan_IsANewDraftWithTheSameContent()
    {
        var current = Complete();
        var newId = Guid.Parse("0199aaaa-0000-7000-8000-000000000002");
        var now = new DateTime(2026, 11, 3, 14, 0, 0, DateTimeKind.Utc);

        var next = SupportPlanRules.NextVersion(current, newId, now);

        Assert.Equal(newId, next.Id);
        Assert.Equal(3, next.Version);
        Assert.Equal(PlanStatus.Draft, next.Status);
        Assert.Equal(now, next.CreatedAt);
        Assert.Equal(current.CouncilId, next.CouncilId);
        Assert.Equal(current.ArrangementId, next.ArrangementId);
        Assert.Equal(current.ContingencyPlan, next.ContingencyPlan);
        Assert.Equal(current.CircleOfSupport, next.CircleOfSupport);
        Assert.Equal(current.CanBeUsedFor, next.CanBeUsedFor);
        Assert.True(next.PaysCloseFamilyInHousehold);
        Assert.Null(next.AgreedAt);
        Assert.Null(next.AgreedByUserId);
        Assert.Null(next.AgreedByName);
        Assert.NotEqual(current.ConcurrencyToken, next.ConcurrencyToken);
        Assert.Equal(current.WeeklyTotal, next.WeeklyTotal);
    }

    [Fact]
    public void NextVersion_OutcomesAndCosts_AreCopiedWithNewIdsOnTheNewPlan()
    {
        var current = Complete();
        var newId = Guid.Parse("0199aaaa-0000-7000-8000-000000000002");

        var next = SupportPlanRules.NextVersion(current, newId, DateTime.UnixEpoch);

        Assert.Equal(
            current.Outcomes.Select(o => (o.Order, o.InTheirWords, o.HowItIsMet)),
            next.Outcomes.Select(o => (o.Order, o.InTheirWords, o.HowItIsMet)));
        Assert.Equal(
            current.Costs.Select(c => (c.Order, c.Category, c.Description, c.WeeklyMinutes, c.WeeklyPence)),
            next.Costs.Select(c => (c.Order, c.Category, c.Description, c.WeeklyMinutes, c.WeeklyPence)));
        Assert.All(next.Outcomes, o => Assert.Equal(newId, o.PlanId));
        Assert.All(next.Costs, c => Assert.Equal(newId, c.PlanId));
        Assert.Empty(next.Outcomes.Select(o => o.Id).Intersect(current.Outcomes.Select(o => o.Id)));
        Assert.Empty(next.Costs.Select(c => c.Id).Intersect(current.Costs.Select(c => c.Id)));
        Assert.DoesNotContain(Guid.Empty, next.Outcomes.Select(o => o.Id).Concat(next.Costs.Select(c => c.Id)));
    }

    [Fact]
    public void NextVersion_Copy_LeavesTheOldVersionAsItWas()
    {
        var current = Complete();
        var outcomeIds = current.Outcomes.Select(o => o.Id).ToList();

        var next = SupportPlanRules.NextVersion(current, Guid.NewGuid(), DateTime.UnixEpoch);
        next.Outcomes[0].InTheirWords = "Changed in the new version";
        next.Costs.Clear();

        Assert.Equal(PlanStatus.Agreed, current.Status);
        Assert.Equal(2, current.Version);
        Assert.Equal("Get to work on time", current.Outcomes[0].InTheirWords);
        Assert.Equal(outcomeIds, current.Outcomes.Select(o => o.Id));
        Assert.All(current.Outcomes, o => Assert.Equal(PlanId, o.PlanId));
        Assert.Equal(2, current.Costs.Count);
    }

    [Fact]
    public void WeeklyTotal_Costs_AreAddedUp()
    {
        Assert.Equal(new Money(20150), Complete().WeeklyTotal);
        Assert.Equal(Money.Zero, new SupportPlan().WeeklyTotal);
    }
}
