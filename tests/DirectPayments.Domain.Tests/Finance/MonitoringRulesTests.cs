using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

/// <summary>Each monitoring flag just below and just above its threshold (docs/money.md, "Monitoring").</summary>
public sealed class MonitoringRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static MonitoringSettings Settings() => new() { ChangedByName = "test", Reason = "test" };

    /// <summary>An account with nothing wrong: £350 a week, £700 in the wallet, spending, contributions paid.</summary>
    private static AccountFacts Quiet() => new(
        BalancePence: 70_000, WeeklyBudgetPence: 35_000, Outflow28DaysPence: 140_000, FirstPaymentOn: Today.AddDays(-300),
        NextDueOn: Today.AddDays(14), HasEverSpent: true, ContributionPerPeriodPence: 0, ContributionsExpectedPence: 0,
        ContributionsReceivedPence: 0, OutsidePlanPence: 0, OutsidePlanCategories: [], Duplicates: []);

    private static FlagKind[] Kinds(AccountFacts facts) => MonitoringRules.Evaluate(facts, Settings(), Today).Select(f => f.Kind).ToArray();

    [Fact]
    public void Evaluate_QuietAccount_RaisesNothing() => Assert.Empty(Kinds(Quiet()));

    [Fact]
    public void BalanceAboveContingency_AtExactlyEightWeeks_IsNotRaised_OnePennyMoreIs()
    {
        Assert.DoesNotContain(FlagKind.BalanceAboveContingency, Kinds(Quiet() with { BalancePence = 8 * 35_000, Outflow28DaysPence = 0 }));
        var flag = Assert.Single(MonitoringRules.Evaluate(Quiet() with { BalancePence = 8 * 35_000 + 1, Outflow28DaysPence = 0 }, Settings(), Today));
        Assert.Equal(FlagKind.BalanceAboveContingency, flag.Kind);
        Assert.Equal("Balance £2,800.01 is 8.0 weeks of planned spend; the council's contingency is 8 weeks (£2,800.00).", flag.Facts);
        Assert.DoesNotContain("stop", flag.Opening, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void BalanceAboveContingency_FactsSayHowManyWeeks()
    {
        var flag = MonitoringRules.Evaluate(Quiet() with { BalancePence = 421_000, WeeklyBudgetPence = 37_600, Outflow28DaysPence = 0 }, Settings(), Today)
            .Single(f => f.Kind == FlagKind.BalanceAboveContingency);
        Assert.Equal("Balance £4,210.00 is 11.2 weeks of planned spend; the council's contingency is 8 weeks (£3,008.00).", flag.Facts);
    }

    [Fact]
    public void ProjectedToRunOut_BalanceExactlyCoversTheDaysToTheNextPayment_IsNotRaised_OnePennyLessIs()
    {
        // £400 out in 28 days is £100 a week; 14 days to the next payment needs £200.
        var facts = Quiet() with { Outflow28DaysPence = 40_000, NextDueOn = Today.AddDays(14) };
        Assert.DoesNotContain(FlagKind.ProjectedToRunOut, Kinds(facts with { BalancePence = 20_000 }));
        Assert.Contains(FlagKind.ProjectedToRunOut, Kinds(facts with { BalancePence = 19_999 }));
    }

    [Fact]
    public void ProjectedToRunOut_OverdrawnWallet_IsAlwaysRaised()
    {
        Assert.Contains(FlagKind.ProjectedToRunOut, Kinds(Quiet() with { BalancePence = -1, Outflow28DaysPence = 0, NextDueOn = null }));
        Assert.DoesNotContain(FlagKind.ProjectedToRunOut, Kinds(Quiet() with { BalancePence = 0, Outflow28DaysPence = 0 }));
    }

    [Fact]
    public void NoSpendingSinceSetUp_OneDayBeforeTheThreshold_IsNotRaised_OnTheDayItIs()
    {
        var facts = Quiet() with { HasEverSpent = false, Outflow28DaysPence = 0 };
        Assert.DoesNotContain(FlagKind.NoSpendingSinceSetUp, Kinds(facts with { FirstPaymentOn = Today.AddDays(-41) }));
        Assert.Contains(FlagKind.NoSpendingSinceSetUp, Kinds(facts with { FirstPaymentOn = Today.AddDays(-42) }));
        Assert.DoesNotContain(FlagKind.NoSpendingSinceSetUp, Kinds(facts with { FirstPaymentOn = Today.AddDays(-42), HasEverSpent = true }));
    }

    [Fact]
    public void ContributionsNotPaid_JustUnderTwoPeriods_IsNotRaised_TwoPeriodsIs()
    {
        var facts = Quiet() with { ContributionPerPeriodPence = 8_000, ContributionsExpectedPence = 80_000 };
        Assert.DoesNotContain(FlagKind.ContributionsNotPaid, Kinds(facts with { ContributionsReceivedPence = 64_001 }));
        Assert.Contains(FlagKind.ContributionsNotPaid, Kinds(facts with { ContributionsReceivedPence = 64_000 }));
        Assert.DoesNotContain(FlagKind.ContributionsNotPaid, Kinds(facts with { ContributionPerPeriodPence = 0, ContributionsReceivedPence = 0 }));
    }

    [Fact]
    public void SpendingOutsidePlan_OnePennyUnderTheThreshold_IsNotRaised_AtItIs()
    {
        Assert.DoesNotContain(FlagKind.SpendingOutsidePlan, Kinds(Quiet() with { OutsidePlanPence = 9_999, OutsidePlanCategories = [CostCategory.Equipment] }));
        Assert.Contains(FlagKind.SpendingOutsidePlan, Kinds(Quiet() with { OutsidePlanPence = 10_000, OutsidePlanCategories = [CostCategory.Equipment] }));
    }

    [Fact]
    public void OutsidePlan_CountsOnlyCategoriesNotInThePlan_NeverAdministration()
    {
        var spending = new Dictionary<CostCategory, long>
        {
            [CostCategory.PersonalAssistant] = 50_000, [CostCategory.Administration] = 9_000, [CostCategory.Equipment] = 7_000, [CostCategory.Transport] = 4_000,
        };
        var (pence, categories) = MonitoringRules.OutsidePlan(spending, new HashSet<CostCategory> { CostCategory.PersonalAssistant });
        Assert.Equal(11_000, pence);
        Assert.Equal([CostCategory.Equipment, CostCategory.Transport], categories);
    }

    [Fact]
    public void Duplicates_SameDayIsNot_SevenDaysApartIs_EightDaysApartIsNot_BelowMinimumIsNot()
    {
        var settings = Settings();
        Assert.Empty(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today), ("ACME CARE", 6_000, Today)], settings, Today));
        Assert.Single(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today.AddDays(-7)), ("ACME CARE", 6_000, Today)], settings, Today));
        Assert.Empty(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today.AddDays(-8)), ("ACME CARE", 6_000, Today)], settings, Today));
        Assert.Empty(MonitoringRules.Duplicates([("ACME CARE", 4_999, Today.AddDays(-1)), ("ACME CARE", 4_999, Today)], settings, Today));
        Assert.Single(MonitoringRules.Duplicates([("ACME CARE", 5_000, Today.AddDays(-1)), ("ACME CARE", 5_000, Today)], settings, Today));
        Assert.Empty(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today.AddDays(-1)), ("OTHER LTD", 6_000, Today)], settings, Today));
    }

    [Fact]
    public void Duplicates_LaterPaymentMoreThan35DaysAgo_IsNotRecent()
    {
        Assert.Single(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today.AddDays(-36)), ("ACME CARE", 6_000, Today.AddDays(-34))], Settings(), Today));
        Assert.Empty(MonitoringRules.Duplicates([("ACME CARE", 6_000, Today.AddDays(-37)), ("ACME CARE", 6_000, Today.AddDays(-35))], Settings(), Today));
    }

    [Fact]
    public void Openings_NeverThreatenThePayment()
    {
        var all = Quiet() with
        {
            BalancePence = -5, HasEverSpent = false, FirstPaymentOn = Today.AddDays(-100), ContributionPerPeriodPence = 1_000,
            ContributionsExpectedPence = 10_000, OutsidePlanPence = 20_000, OutsidePlanCategories = [CostCategory.Other],
            Duplicates = [new DuplicatePair("ACME", 6_000, Today.AddDays(-2), Today)],
        };
        var found = MonitoringRules.Evaluate(all, Settings(), Today);
        Assert.Equal(5, found.Count);
        foreach (var f in found)
        {
            foreach (var word in new[] { "stop", "suspend", "reclaim", "take back", "end your" })
            {
                Assert.DoesNotContain(word, f.Opening, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData(PaymentFrequency.FourWeekly, 1_000, 4_000)]
    [InlineData(PaymentFrequency.Weekly, 1_000, 1_000)]
    [InlineData(PaymentFrequency.Monthly, 1_000, 4_333)]
    [InlineData(PaymentFrequency.Monthly, 3, 13)] // 3 x 52 / 12 = 13.0
    [InlineData(PaymentFrequency.Monthly, 6, 26)]
    [InlineData(PaymentFrequency.Monthly, 9, 39)]
    [InlineData(PaymentFrequency.Monthly, 15_075, 65_325)] // 65,325.0
    [InlineData(PaymentFrequency.Monthly, 1_707, 7_397)] // 7,397.0
    [InlineData(PaymentFrequency.Monthly, 1_005, 4_355)] // 4,355.0
    [InlineData(PaymentFrequency.Monthly, 1_140, 4_940)]
    [InlineData(PaymentFrequency.Monthly, 1_143, 4_953)] // 4,953.0
    [InlineData(PaymentFrequency.Monthly, 1_145, 4_962)] // 4,961.67 rounds up
    public void PerPeriodPence_FollowsTheFrequency(PaymentFrequency frequency, long weekly, long expected) =>
        Assert.Equal(expected, PaymentDates.PerPeriodPence(weekly, frequency));

    [Fact]
    public void PerPeriodPence_Monthly_RoundsHalfUp()
    {
        // weekly x 52 / 12 is a whole number of thirds of a penny: 1p a week is 4.333p, 2p is 8.667p.
        Assert.Equal(4, PaymentDates.PerPeriodPence(1, PaymentFrequency.Monthly));
        Assert.Equal(9, PaymentDates.PerPeriodPence(2, PaymentFrequency.Monthly));
    }

    [Fact]
    public void DueDates_Monthly_FallBackToTheMonthsLastDay()
    {
        var start = new DateOnly(2026, 1, 31);
        Assert.Equal(new DateOnly(2026, 2, 28), PaymentDates.DueOn(start, PaymentFrequency.Monthly, 1));
        Assert.Equal(new DateOnly(2026, 3, 31), PaymentDates.DueOn(start, PaymentFrequency.Monthly, 2));
        Assert.Equal(1, PaymentDates.CountDueOnOrBefore(start, null, PaymentFrequency.Monthly, new DateOnly(2026, 2, 27)));
        Assert.Equal(2, PaymentDates.CountDueOnOrBefore(start, null, PaymentFrequency.Monthly, new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateOnly(2026, 3, 31), PaymentDates.NextDueAfter(start, null, PaymentFrequency.Monthly, new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void DueDates_FourWeekly_CountAndNext()
    {
        var start = new DateOnly(2026, 1, 1);
        Assert.Equal(0, PaymentDates.CountDueOnOrBefore(start, null, PaymentFrequency.FourWeekly, start.AddDays(-1)));
        Assert.Equal(1, PaymentDates.CountDueOnOrBefore(start, null, PaymentFrequency.FourWeekly, start.AddDays(27)));
        Assert.Equal(2, PaymentDates.CountDueOnOrBefore(start, null, PaymentFrequency.FourWeekly, start.AddDays(28)));
        Assert.Equal(start.AddDays(56), PaymentDates.NextDueAfter(start, null, PaymentFrequency.FourWeekly, start.AddDays(28)));
        Assert.Null(PaymentDates.NextDueAfter(start, start.AddDays(56), PaymentFrequency.FourWeekly, start.AddDays(28)));
        Assert.Equal(2, PaymentDates.CountDueOnOrBefore(start, start.AddDays(56), PaymentFrequency.FourWeekly, start.AddDays(200)));
    }
}
