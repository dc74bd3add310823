using DirectPayments.Domain.Journey;

namespace DirectPayments.Domain.Finance.Import;

/// <summary>
/// One line of a statement, read and checked. <see cref="SignedPence"/> is money in (positive) or
/// out (negative); <see cref="LineNumber"/> is the file's line (the header is line 1).
/// </summary>
public sealed record StatementLine(
    int LineNumber,
    string? AccountReference,
    DateOnly Date,
    long SignedPence,
    string Description,
    string? Payee,
    string? TransactionId,
    long? BalancePence);

/// <summary>What a line is, by the shared rules (docs/money.md, "Statement import").</summary>
public enum LineKind
{
    /// <summary>Money out to buy support: Wallet to Spending.</summary>
    Spending,

    /// <summary>Cash taken out: Wallet to Cash.</summary>
    CashWithdrawal,

    /// <summary>Money back from a seller: Spending to Wallet.</summary>
    Refund,

    /// <summary>Money the person paid in (their contribution): Person to Wallet.</summary>
    PersonPaidIn,

    /// <summary>The council's payment, already in the ledger from its payment run: not posted again.</summary>
    CouncilPayment,
}

/// <summary>How a statement line becomes ledger entries (shared with monitoring, the wallet and the generator).</summary>
public static class LineRules
{
    /// <summary>
    /// Sorts a line: a debit is spending, or a cash withdrawal when its description has the word CASH
    /// or ATM; a credit quoting one of the account's council payment references is that payment;
    /// a credit containing REFUND is a refund; any other credit is the person's own money.
    /// </summary>
    public static LineKind Classify(long signedPence, string normalisedText, IReadOnlyCollection<string> paymentReferences)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        ArgumentNullException.ThrowIfNull(paymentReferences);
        if (signedPence < 0)
        {
            return StatementValues.ContainsWord(normalisedText, "CASH") || StatementValues.ContainsWord(normalisedText, "ATM")
                ? LineKind.CashWithdrawal
                : LineKind.Spending;
        }
        foreach (var reference in paymentReferences)
        {
            if (normalisedText.Contains(StatementValues.Normalise(reference), StringComparison.Ordinal))
            {
                return LineKind.CouncilPayment;
            }
        }
        return normalisedText.Contains("REFUND", StringComparison.Ordinal) ? LineKind.Refund : LineKind.PersonPaidIn;
    }

    /// <summary>The books a line moves money between, or null for a council payment (matched, not posted).</summary>
    public static (LedgerBook Debit, LedgerBook Credit)? Books(LineKind kind) => kind switch
    {
        LineKind.Spending => (LedgerBook.Spending, LedgerBook.Wallet),
        LineKind.CashWithdrawal => (LedgerBook.Cash, LedgerBook.Wallet),
        LineKind.Refund => (LedgerBook.Wallet, LedgerBook.Spending),
        LineKind.PersonPaidIn => (LedgerBook.Wallet, LedgerBook.Person),
        LineKind.CouncilPayment => null,
    };

    /// <summary>Whether a kind of line carries a spending category.</summary>
    public static bool HasCategory(LineKind kind) => kind is LineKind.Spending or LineKind.Refund;
}

/// <summary>
/// The 64-bit keys that recognise a statement line seen before (shared rules): a line with a
/// transaction id is keyed by account and id; a line without one by account, date, amount,
/// normalised description and how many identical lines came before it in the same file, so two
/// genuine identical purchases are both kept and an overlapping statement adds only the lines it
/// has more of.
/// </summary>
public static class DedupKeys
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The key of a line with the provider's transaction id.</summary>
    public static long ForTransaction(Guid accountId, string transactionId)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        var hash = Add(Offset, accountId);
        hash = Add(hash, 'T');
        hash = Add(hash, transactionId.Trim());
        return unchecked((long)Finish(hash));
    }

    /// <summary>The key of a line without a transaction id; <paramref name="occurrence"/> counts identical lines before it in the file, from 0.</summary>
    public static long ForLine(Guid accountId, DateOnly date, long signedPence, string normalisedDescription, int occurrence)
    {
        ArgumentNullException.ThrowIfNull(normalisedDescription);
        var hash = Add(Offset, accountId);
        hash = Add(hash, 'L');
        hash = Add(hash, (ulong)date.DayNumber);
        hash = Add(hash, unchecked((ulong)signedPence));
        hash = Add(hash, normalisedDescription);
        hash = Add(hash, (ulong)occurrence);
        return unchecked((long)Finish(hash));
    }

    private static ulong Add(ulong hash, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * Prime);
        }
        return hash;
    }

    private static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = unchecked((hash ^ (byte)(value >> (i * 8))) * Prime);
        }
        return hash;
    }

    private static ulong Add(ulong hash, char value) => unchecked((hash ^ value) * Prime);

    private static ulong Add(ulong hash, string value)
    {
        foreach (var c in value)
        {
            hash = unchecked((hash ^ (byte)c) * Prime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * Prime);
        }
        // The length ends the string, so "AB"+"C" and "A"+"BC" differ.
        return Add(hash, (ulong)value.Length);
    }

    // A final mix so nearby inputs spread over all 64 bits (the MurmurHash3 finaliser).
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h = unchecked(h * 0xff51afd7ed558ccdUL);
        h ^= h >> 33;
        h = unchecked(h * 0xc4ceb9fe1a85ec53UL);
        h ^= h >> 33;
        return h;
    }
}

/// <summary>
/// Sorts payees and descriptions into spending categories from a council's <see cref="CategoryRule"/>
/// rows: a rule matches when the normalised text contains its normalised words; the longest
/// matching rule wins (so "TAXI RANK CAFE" can beat "TAXI"); ties go to the rule written first in
/// alphabetical order, so the answer never depends on the order rules were loaded.
/// </summary>
public sealed class CategoryMatcher
{
    private readonly (string Text, CostCategory Category)[] _rules;

    public CategoryMatcher(IEnumerable<CategoryRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules
            .Select(r => (Text: StatementValues.Normalise(r.Contains), r.Category))
            .Where(r => r.Text.Length > 0)
            .OrderByDescending(r => r.Text.Length).ThenBy(r => r.Text, StringComparer.Ordinal)];
    }

    /// <summary>The category of the first (longest) rule the payee or description matches, or null.</summary>
    public CostCategory? Match(string? normalisedPayee, string normalisedDescription)
    {
        foreach (var (text, category) in _rules)
        {
            if ((normalisedPayee is not null && normalisedPayee.Contains(text, StringComparison.Ordinal))
                || normalisedDescription.Contains(text, StringComparison.Ordinal))
            {
                return category;
            }
        }
        return null;
    }
}

/// <summary>One line where the statement's running balance and the ledger's wallet balance differ.</summary>
public sealed record BalanceDisagreement(int LineNumber, string? AccountReference, long StatementPence, long LedgerPence)
{
    public long DifferencePence => StatementPence - LedgerPence;

    public override string ToString() =>
        $"line {LineNumber}: the statement shows {new Money(StatementPence)} but the ledger's wallet balance is {new Money(LedgerPence)} ({new Money(DifferencePence)} different)";
}

/// <summary>
/// Running-balance reconciliation: starting from the ledger's wallet balance before the file's first
/// date, apply each line's effect on the wallet in file order and compare with the balance the file
/// shows after that line.
/// </summary>
public static class Reconciliation
{
    /// <summary>The lines (of one account, in file order) whose shown balance disagrees with the ledger's.</summary>
    public static IReadOnlyList<BalanceDisagreement> Check(long openingWalletPence, IEnumerable<StatementLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var found = new List<BalanceDisagreement>();
        var balance = openingWalletPence;
        foreach (var line in lines)
        {
            balance += line.SignedPence;
            if (line.BalancePence is { } shown && shown != balance)
            {
                found.Add(new BalanceDisagreement(line.LineNumber, line.AccountReference, shown, balance));
            }
        }
        return found;
    }
}
