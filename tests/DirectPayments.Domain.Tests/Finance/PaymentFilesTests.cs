using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

public sealed class PaymentFilesTests
{
    private static readonly Originator Council = new("401276", "71234567", "Exampleshire Council");

    private static PaymentFileLine Line(int n = 1, string? sortCode = "209814", string? account = "00123456", long pence = 140_000, string name = "Amara Okafor") =>
        new(n, "DP-B7KQ2M 0003", new DateOnly(2026, 3, 2), name, sortCode, account, pence, "DP-B7KQ2M", "EX-000101",
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 29), PaymentKind.Regular);

    [Fact]
    public void Bacs_OneLine_IsOneHundredCharactersInTheStandard18Layout()
    {
        var outcome = BacsStandard18.Write(Council, [Line()]);
        Assert.True(outcome.Written, string.Join("; ", outcome.Problems));
        var record = Assert.Single(outcome.Text!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(100, record.Length);
        Assert.Equal("209814", record[0..6]);
        Assert.Equal("00123456", record[6..14]);
        Assert.Equal("0", record[14..15]);
        Assert.Equal("99", record[15..17]);
        Assert.Equal("401276", record[17..23]);
        Assert.Equal("71234567", record[23..31]);
        Assert.Equal("    ", record[31..35]);
        Assert.Equal("00000140000", record[35..46]);
        Assert.Equal("EXAMPLESHIRE COUNC", record[46..64]);
        Assert.Equal("DP-B7KQ2M 0003    ", record[64..82]);
        Assert.Equal("AMARA OKAFOR      ", record[82..100]);
    }

    [Fact]
    public void Bacs_NamesWithOtherCharacters_AreMadeBacsSafe() =>
        Assert.Equal("O BRIEN  ZOE      ", BacsStandard18.Field("O'Brien, Zoë"));

    [Fact]
    public void Bacs_MissingOrInvalidDetails_RefusesTheWholeFileNamingEachLine()
    {
        var outcome = BacsStandard18.Write(Council, [Line(1), Line(2, sortCode: null), Line(3, account: "1234567")]);
        Assert.False(outcome.Written);
        Assert.Equal(
            [
                "Line 2 (DP-B7KQ2M 0003, Amara Okafor): the sort code must be 6 digits; record the account's bank details first",
                "Line 3 (DP-B7KQ2M 0003, Amara Okafor): the account number must be 8 digits; record the account's bank details first",
            ],
            outcome.Problems);
    }

    [Fact]
    public void Bacs_CouncilDetailsNotSet_IsRefused()
    {
        var outcome = BacsStandard18.Write(new Originator("", "", ""), [Line()]);
        Assert.False(outcome.Written);
        Assert.Equal(2, outcome.Problems.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000_000_000)]
    public void Bacs_AmountOutOfRange_IsRefused(long pence) =>
        Assert.False(BacsStandard18.Write(Council, [Line(pence: pence)]).Written);

    [Theory]
    [InlineData("12-34-56", "123456", true)]
    [InlineData("12 34 56", "123456", true)]
    [InlineData("1234567", "1234567", false)]
    [InlineData("12345a", "12345a", false)]
    [InlineData("  ", null, false)]
    public void BankDetails_SortCode_CleanedAndChecked(string typed, string? cleaned, bool valid)
    {
        Assert.Equal(cleaned, BankDetails.Clean(typed));
        Assert.Equal(valid, BankDetails.IsSortCode(BankDetails.Clean(typed)));
    }

    [Fact]
    public void Csv_Values_FollowTheColumnsWithPoundsAndPence()
    {
        var values = PaymentCsv.Values(Line(pence: 151_667));
        Assert.Equal(PaymentCsv.Columns.Count, values.Count);
        var row = PaymentCsv.Columns.Zip(values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("1516.67", row["amount"]);
        Assert.Equal("151667", row["amount_pence"]);
        Assert.Equal("2026-03-02", row["pay_on"]);
        Assert.Equal("2026-03-29", row["period_ends_on"]);
        Assert.Equal("regular", row["kind"]);
        Assert.Equal("00123456", row["account_number"]);
    }
}
