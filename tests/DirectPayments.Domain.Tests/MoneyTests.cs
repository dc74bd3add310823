using System.Globalization;
using Xunit;

namespace DirectPayments.Domain.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("350", 35000)]
    [InlineData("350.00", 35000)]
    [InlineData("0.01", 1)]
    [InlineData("-3", -300)]
    [InlineData("1200.60", 120060)]
    [InlineData("1000000000", 100000000000)]
    public void FromPounds_WholePence_GivesPence(string pounds, long pence) =>
        Assert.Equal(new Money(pence), Money.FromPounds(decimal.Parse(pounds, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("-0.005")]
    [InlineData("350.505")]
    public void FromPounds_FractionOfAPenny_Throws(string pounds) =>
        Assert.Throws<ArgumentException>(() => Money.FromPounds(decimal.Parse(pounds, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("350", 35000)]
    [InlineData("350.5", 35050)]
    [InlineData("350.50", 35050)]
    [InlineData("£1,200.00", 120000)]
    [InlineData(" 12.50 ", 1250)]
    [InlineData("£ 12.50", 1250)]
    [InlineData("0", 0)]
    [InlineData("0.01", 1)]
    [InlineData(".5", 50)]
    [InlineData("12.500", 1250)] // trailing zeros are still whole pence
    [InlineData("-5", -500)] // read, so the form can say it cannot be less than £0.00
    [InlineData("1000000000", 100000000000)] // a billion pounds exactly
    [InlineData("£1,000,000,000.00", 100000000000)]
    public void TryParsePounds_AmountAPersonTyped_IsRead(string text, long pence) =>
        Assert.Equal(new Money(pence), Money.TryParsePounds(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12.345")]
    [InlineData("0.001")]
    [InlineData("1e5")]
    [InlineData("1E5")]
    [InlineData("12,50.00.0")]
    [InlineData("£")]
    [InlineData("$12")]
    [InlineData("12p")]
    [InlineData("1000000000.01")] // over a billion pounds
    [InlineData("-1000000000.01")]
    [InlineData("99999999999999999999999999")]
    [InlineData("12 50")]
    public void TryParsePounds_NotAnAmount_IsNull(string? text) =>
        Assert.Null(Money.TryParsePounds(text));

    [Theory]
    [InlineData(0, "£0.00")]
    [InlineData(1, "£0.01")]
    [InlineData(35050, "£350.50")]
    [InlineData(123450, "£1,234.50")]
    [InlineData(100000000000, "£1,000,000,000.00")]
    [InlineData(-300, "-£3.00")]
    [InlineData(-123456, "-£1,234.56")]
    [InlineData(long.MinValue, "-£92,233,720,368,547,758.08")]
    public void ToString_Pence_IsPoundsInEnGb(long pence, string text) =>
        Assert.Equal(text, new Money(pence).ToString());

    [Fact]
    public void ToString_UnderAnotherCulture_IsStillEnGb()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("£1,234.50", new Money(123450).ToString());
            Assert.Equal("1234.50", new Money(123450).ToInputString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(123450, "1234.50")]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(-300, "-3.00")]
    public void ToInputString_Pence_IsPlainPoundsAndPence(long pence, string text) =>
        Assert.Equal(text, new Money(pence).ToInputString());

    [Theory]
    [InlineData(35050)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(100000000000)]
    public void ToInputString_ReadBack_GivesTheSameAmount(long pence) =>
        Assert.Equal(new Money(pence), Money.TryParsePounds(new Money(pence).ToInputString()));

    [Fact]
    public void Arithmetic_InRange_WorksInPence()
    {
        var a = new Money(30015);
        var b = new Money(11985);

        Assert.Equal(new Money(42000), a + b);
        Assert.Equal(new Money(18030), a - b);
        Assert.Equal(new Money(120060), a * 4);
        Assert.Equal(new Money(-30015), -a);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a <= new Money(30015));
        Assert.True(a >= new Money(30015));
        Assert.True((b - a).IsNegative);
        Assert.False(Money.Zero.IsNegative);
        Assert.Equal(300.15m, a.Pounds);
        Assert.True(b.CompareTo(a) < 0);
    }

    [Fact]
    public void Arithmetic_Overflow_Throws()
    {
        var max = new Money(long.MaxValue);
        var min = new Money(long.MinValue);

        Assert.Throws<OverflowException>(() => max + new Money(1));
        Assert.Throws<OverflowException>(() => min - new Money(1));
        Assert.Throws<OverflowException>(() => max * 2);
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => Money.Sum([max, new Money(1)]));
    }

    [Fact]
    public void Sum_Amounts_AreAddedUp()
    {
        Assert.Equal(Money.Zero, Money.Sum([]));
        Assert.Equal(new Money(42000), Money.Sum([new Money(30015), new Money(11985)]));
        Assert.Equal(new Money(-5), Money.Sum([new Money(10), new Money(-15)]));
    }
}
