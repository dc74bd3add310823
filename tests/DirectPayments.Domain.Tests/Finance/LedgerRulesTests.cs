using DirectPayments.Domain.Finance;
using Xunit;

namespace DirectPayments.Domain.Tests.Finance;

/// <summary>The ledger's own rules: legs, balances, what may be written, and reversal (issue #4, item 1).</summary>
public sealed class LedgerRulesTests
{
    private static readonly Guid Account = Guid.NewGuid();

    private static LedgerEntry Entry(LedgerBook debit, LedgerBook credit, long pence, long id = 0) => new()
    {
        Id = id,
        CouncilId = Guid.NewGuid(),
        AccountId = Account,
        Debit = debit,
        Credit = credit,
        AmountPence = pence,
        OccurredOn = new DateOnly(2026, 11, 2),
        Source = EntrySource.Statement,
        SourceId = Guid.NewGuid(),
        LineNumber = 2,
        Description = "TESCO STORES 2231",
    };

    [Fact]
    public void Legs_AnyEntry_SumToZero()
    {
        var (debit, credit) = LedgerRules.Legs(Entry(LedgerBook.Spending, LedgerBook.Wallet, 1_234));
        Assert.Equal(LedgerBook.Spending, debit.Book);
        Assert.Equal(1_234, debit.Pence);
        Assert.Equal(LedgerBook.Wallet, credit.Book);
        Assert.Equal(-1_234, credit.Pence);
        Assert.Equal(0, debit.Pence + credit.Pence);
    }

    [Fact]
    public void Balance_PaymentSpendAndRefund_DerivedFromEntries()
    {
        var entries = new[]
        {
            Entry(LedgerBook.Wallet, LedgerBook.Council, 120_060), // the council's four-weekly payment
            Entry(LedgerBook.Spending, LedgerBook.Wallet, 43_200), // PA wages
            Entry(LedgerBook.Cash, LedgerBook.Wallet, 2_000), // cash taken out
            Entry(LedgerBook.Wallet, LedgerBook.Spending, 450), // a refund
        };
        Assert.Equal(new Money(120_060 - 43_200 - 2_000 + 450), LedgerRules.Balance(entries, LedgerBook.Wallet));
        Assert.Equal(new Money(43_200 - 450), LedgerRules.Balance(entries, LedgerBook.Spending));
        Assert.Equal(new Money(-120_060), LedgerRules.Balance(entries, LedgerBook.Council));
        Assert.Equal(Money.Zero, Enum.GetValues<LedgerBook>().Select(b => LedgerRules.Balance(entries, b)).Aggregate(Money.Zero, (a, b) => a + b));
    }

    [Theory]
    [InlineData(0, "more than £0.00")]
    [InlineData(-5, "more than £0.00")]
    public void Problem_NoOrNegativeAmount_IsRefused(long pence, string expected) =>
        Assert.Contains(expected, LedgerRules.Problem(Entry(LedgerBook.Spending, LedgerBook.Wallet, pence)), StringComparison.Ordinal);

    [Fact]
    public void Problem_SameBookBothSides_IsRefused() =>
        Assert.Equal("An entry must move money between two different books.", LedgerRules.Problem(Entry(LedgerBook.Wallet, LedgerBook.Wallet, 100)));

    [Fact]
    public void Problem_UnknownBookOrMissingSource_IsRefused()
    {
        Assert.Equal("An entry names a book that does not exist.", LedgerRules.Problem(Entry((LedgerBook)99, LedgerBook.Wallet, 100)));
        var noSource = Entry(LedgerBook.Spending, LedgerBook.Wallet, 100);
        noSource.SourceId = Guid.Empty;
        Assert.Equal("An entry must say where it came from.", LedgerRules.Problem(noSource));
        Assert.Null(LedgerRules.Problem(Entry(LedgerBook.Spending, LedgerBook.Wallet, 100)));
    }

    [Fact]
    public void Reverse_Entry_UndoesItWithoutChangingIt()
    {
        var original = Entry(LedgerBook.Spending, LedgerBook.Wallet, 4_599, id: 17);
        var reversalId = Guid.NewGuid();
        var reversal = LedgerRules.Reverse(original, reversalId, 1, new DateOnly(2026, 11, 20), DateTime.UtcNow, "imported into the wrong account");

        Assert.Equal(LedgerBook.Wallet, reversal.Debit);
        Assert.Equal(LedgerBook.Spending, reversal.Credit);
        Assert.Equal(4_599, reversal.AmountPence);
        Assert.Equal(17, reversal.ReversesEntryId);
        Assert.Equal(EntrySource.Reversal, reversal.Source);
        Assert.Equal(reversalId, reversal.SourceId);
        Assert.Null(LedgerRules.Problem(reversal));
        Assert.Equal(LedgerBook.Spending, original.Debit);
        Assert.Equal(Money.Zero, LedgerRules.Balance([original, reversal], LedgerBook.Wallet));
        Assert.Equal(Money.Zero, LedgerRules.Balance([original, reversal], LedgerBook.Spending));
    }
}
