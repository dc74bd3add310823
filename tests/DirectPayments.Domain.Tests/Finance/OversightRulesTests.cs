using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

/// <summary>The oversight score, level and monthly audit sample (docs/money.md, "Oversight level").</summary>
public sealed class OversightRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static MonitoringSettings Settings() => new() { ChangedByName = "test", Reason = "test" };

    private static OversightFacts Settled() => new(Today.AddYears(-2), [], false, PaymentMethod.PrepaymentCard, 20_000);

    [Fact]
    public void Score_SettledCardAccount_IsLightWithTwelveMonthReviews()
    {
        var o = OversightRules.Score(Settled(), Settings(), Today);
        Assert.Equal((10, OversightLevel.Light, 12), (o.Score, o.Level, o.ReviewIntervalMonths));
        Assert.Equal("Starting points", Assert.Single(o.Components).Name);
    }

    [Fact]
    public void Score_NewArrangement_CountsUntilSixMonthsHavePassed()
    {
        Assert.Equal(30, OversightRules.Score(Settled() with { FirstPaymentOn = Today.AddMonths(-6).AddDays(1) }, Settings(), Today).Score);
        Assert.Equal(10, OversightRules.Score(Settled() with { FirstPaymentOn = Today.AddMonths(-6) }, Settings(), Today).Score);
    }

    [Fact]
    public void Score_EachComponentHasItsPointsAndReason()
    {
        var facts = new OversightFacts(Today.AddDays(-30), [ConversationOutcome.NoActionNeeded, ConversationOutcome.AgreedReclaim, ConversationOutcome.PlanChanged],
            true, PaymentMethod.OwnBankAccount, 100_000);
        var o = OversightRules.Score(facts, Settings(), Today);
        Assert.Equal(
            [("Starting points", 10), ("New arrangement", 20), ("Past conversations: no action needed", -5), ("Past conversations: money returned or safeguarding", 15),
             ("Employs personal assistants", 10), ("Own bank account", 15), ("Large budget", 15)],
            o.Components.Select(c => (c.Name, c.Points)).ToArray());
        Assert.All(o.Components, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        Assert.Equal((80, OversightLevel.Enhanced, 6), (o.Score, o.Level, o.ReviewIntervalMonths));
    }

    [Fact]
    public void Score_LevelBoundaries_FollowTheSettings()
    {
        // 10 + 15 (own bank account) = 25: Standard from 25.
        Assert.Equal(OversightLevel.Standard, OversightRules.Score(Settled() with { AccountKind = PaymentMethod.OwnBankAccount }, Settings(), Today).Level);
        // 10 + 10 (employs PAs) = 20: Light.
        Assert.Equal(OversightLevel.Light, OversightRules.Score(Settled() with { EmploysPersonalAssistant = true }, Settings(), Today).Level);
        // Budget bands: £399.99 none, £400 medium (+5), £1,000 large (+15).
        Assert.Equal(10, OversightRules.Score(Settled() with { WeeklyBudgetPence = 39_999 }, Settings(), Today).Score);
        Assert.Equal(15, OversightRules.Score(Settled() with { WeeklyBudgetPence = 40_000 }, Settings(), Today).Score);
        Assert.Equal(25, OversightRules.Score(Settled() with { WeeklyBudgetPence = 100_000 }, Settings(), Today).Score);
    }

    [Fact]
    public void Score_NeverBelowOne_AndNeverReviewLessOftenThanYearly()
    {
        var o = OversightRules.Score(Settled() with { PastOutcomes = Enumerable.Repeat(ConversationOutcome.NoActionNeeded, 10).ToList() }, Settings(), Today);
        Assert.Equal(1, o.Score);
        Assert.All(Enum.GetValues<OversightLevel>(), l => Assert.InRange(OversightRules.ReviewIntervalMonths(l), 1, 12));
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 1)]
    [InlineData(49, 20, 1)]
    [InlineData(100, 20, 2)]
    [InlineData(250_000, 20, 5_000)]
    public void SampleSize_IsThePerMilleShare_AtLeastOne(int accounts, int perMille, int expected) =>
        Assert.Equal(expected, AuditSampling.SampleSize(accounts, perMille));

    [Fact]
    public void Choose_IsDeterministicFromCouncilAndMonth_AndIgnoresInputOrder()
    {
        var council = Guid.Parse("0b7c6a52-1d1b-4e7b-9d1e-3c1f7d2a9e10");
        var month = new DateOnly(2026, 11, 1);
        var accounts = Enumerable.Range(1, 200).Select(i => (new Guid(i, 0, 0, new byte[8]), i % 7 + 1)).ToList();
        var first = AuditSampling.Choose(council, month, accounts, 10);
        Assert.Equal(first, AuditSampling.Choose(council, month, Enumerable.Reverse(accounts), 10));
        Assert.Equal(10, first.Distinct().Count());
        Assert.NotEqual(first, AuditSampling.Choose(council, month.AddMonths(1), accounts, 10));
    }

    [Fact]
    public void Choose_FavoursHigherScores()
    {
        var council = Guid.Parse("0b7c6a52-1d1b-4e7b-9d1e-3c1f7d2a9e10");
        var accounts = Enumerable.Range(1, 2_000).Select(i => (new Guid(i, 0, 0, new byte[8]), i <= 1_000 ? 1 : 10)).ToList();
        var heavy = 0;
        for (var m = 0; m < 12; m++)
        {
            var chosen = AuditSampling.Choose(council, new DateOnly(2026, 1, 1).AddMonths(m), accounts, 50);
            heavy += chosen.Count(id => accounts.First(a => a.Item1 == id).Item2 == 10);
        }
        // Ten times the weight: about 90% of those chosen should be the heavier accounts.
        Assert.InRange(heavy, 480, 600);
    }
}
