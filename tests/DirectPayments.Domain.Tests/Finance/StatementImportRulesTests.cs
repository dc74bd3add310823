using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

/// <summary>The statement import's pure rules: amounts, dates, classification, dedup keys, categories and reconciliation.</summary>
public sealed class StatementImportRulesTests
{
    [Theory]
    [InlineData("1,234.50", 123450L)]
    [InlineData("-12.00", -1200L)]
    [InlineData("(12.00)", -1200L)]
    [InlineData("£3.99", 399L)]
    [InlineData("-£3.99", -399L)]
    [InlineData("+5", 500L)]
    [InlineData(" 0.5 ", 50L)]
    [InlineData("1234567.89", 123456789L)]
    public void ParsePence_ReadsUkAmounts(string text, long pence) => Assert.Equal(pence, StatementValues.ParsePence(text));

    [Theory]
    [InlineData("1,234.5O")]
    [InlineData("12.345")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12,34.00")]
    [InlineData("1,2345.00")]
    [InlineData("£")]
    [InlineData("ten")]
    [InlineData("1.2.3")]
    [InlineData(",100")]
    public void ParsePence_RefusesAnythingElse(string text) => Assert.Null(StatementValues.ParsePence(text));

    [Fact]
    public void ParseDate_ReadsTheLayoutsFormatsAsUkDates()
    {
        Assert.Equal(new DateOnly(2026, 3, 4), StatementValues.ParseDate("04/03/2026", ["dd/MM/yyyy"]));
        Assert.Equal(new DateOnly(2026, 3, 4), StatementValues.ParseDate("04 Mar 2026", StatementLayout.Bank.DateFormats));
        Assert.Equal(new DateOnly(2026, 3, 4), StatementValues.ParseDate("04/03/2026 13:45", ["dd/MM/yyyy"]));
        Assert.Null(StatementValues.ParseDate("03/04/26", ["dd/MM/yyyy"]));
        Assert.Null(StatementValues.ParseDate("31/02/2026", ["dd/MM/yyyy"]));
        Assert.Null(StatementValues.ParseDate("2026-13-01", ["yyyy-MM-dd"]));
    }

    [Theory]
    [InlineData(-500L, "ATM CASH HIGH ST", LineKind.CashWithdrawal)]
    [InlineData(-500L, "CASHPOINT CAFE", LineKind.Spending)]
    [InlineData(-500L, "CASH", LineKind.CashWithdrawal)]
    [InlineData(-500L, "TAXI", LineKind.Spending)]
    [InlineData(500L, "TAXI REFUND", LineKind.Refund)]
    [InlineData(500L, "EXAMPLESHIRE CC DP B7KQ2M 0003", LineKind.CouncilPayment)]
    [InlineData(500L, "STANDING ORDER", LineKind.PersonPaidIn)]
    public void Classify_FollowsTheSharedRules(long pence, string text, LineKind kind) =>
        Assert.Equal(kind, LineRules.Classify(pence, StatementValues.Normalise(text), ["DP-B7KQ2M 0003"]));

    [Fact]
    public void DedupKeys_TellIdenticalLinesApartByOccurrenceAndAccount()
    {
        var account = Guid.NewGuid();
        var day = new DateOnly(2026, 3, 1);
        var first = DedupKeys.ForLine(account, day, -250, "BUS FARE", 0);
        Assert.Equal(first, DedupKeys.ForLine(account, day, -250, "BUS FARE", 0));
        Assert.NotEqual(first, DedupKeys.ForLine(account, day, -250, "BUS FARE", 1));
        Assert.NotEqual(first, DedupKeys.ForLine(Guid.NewGuid(), day, -250, "BUS FARE", 0));
        Assert.NotEqual(first, DedupKeys.ForLine(account, day.AddDays(1), -250, "BUS FARE", 0));
        Assert.NotEqual(first, DedupKeys.ForLine(account, day, 250, "BUS FARE", 0));
        Assert.Equal(DedupKeys.ForTransaction(account, "T1"), DedupKeys.ForTransaction(account, " T1 "));
        Assert.NotEqual(DedupKeys.ForTransaction(account, "T1"), DedupKeys.ForTransaction(account, "T2"));
    }

    [Fact]
    public void DedupKeys_AMillionDifferentLines_GiveAMillionDifferentKeys()
    {
        var account = Guid.NewGuid();
        var keys = new HashSet<long>();
        for (var i = 0; i < 1_000_000; i++)
        {
            keys.Add(DedupKeys.ForLine(account, new DateOnly(2026, 1, 1).AddDays(i % 1000), -(i / 1000) - 1, "SHOP", 0));
        }
        Assert.Equal(1_000_000, keys.Count);
    }

    [Fact]
    public void CategoryMatcher_LongestMatchingRuleWins()
    {
        var matcher = new CategoryMatcher(
        [
            new CategoryRule { Contains = "taxi", Category = CostCategory.Transport, CreatedByName = "t" },
            new CategoryRule { Contains = "Taxi rank cafe", Category = CostCategory.Activities, CreatedByName = "t" },
            new CategoryRule { Contains = "PA wages", Category = CostCategory.PersonalAssistant, CreatedByName = "t" },
        ]);
        Assert.Equal(CostCategory.Transport, matcher.Match(null, StatementValues.Normalise("Northam Taxi Co")));
        Assert.Equal(CostCategory.Activities, matcher.Match(null, StatementValues.Normalise("TAXI-RANK CAFE 12")));
        Assert.Equal(CostCategory.PersonalAssistant, matcher.Match("PA WAGES", "FPS 123"));
        Assert.Null(matcher.Match(null, "ONLINE MARKETPLACE"));
    }

    [Fact]
    public void Reconciliation_ComparesTheRunningBalanceLineByLine()
    {
        StatementLine Line(int n, long pence, long? balance) => new(n, null, new DateOnly(2026, 3, n), pence, "X", null, null, balance);
        var found = Reconciliation.Check(1000, [Line(2, -200, 800), Line(3, -100, 650), Line(4, 50, null), Line(5, 100, 850)]);
        Assert.Equal([(3, 650L, 700L)], found.Select(d => (d.LineNumber, d.StatementPence, d.LedgerPence)).ToList());
    }

    [Fact]
    public void ColumnMapProblems_NeedDateDescriptionAndAmounts()
    {
        var map = new ColumnMap { Name = "Mine", DateFormat = "dd/MM/yyyy", DateColumn = "Date", DescriptionColumn = "Details", DebitColumn = "Out", CreatedByName = "t" };
        Assert.Equal(["Enter the heading of the amount column, or of both the money out and money in columns"], StatementLayout.Problems(map).Select(p => p.Message).ToList());
        map.CreditColumn = "In";
        Assert.Empty(StatementLayout.Problems(map));
        var layout = StatementLayout.FromMap(map);
        Assert.Equal(["Date", "Details", "Out", "In"], layout.RequiredColumns().ToList());
        Assert.False(layout.NamesAccounts);
    }
}
