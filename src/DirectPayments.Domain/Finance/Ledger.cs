using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance;

/// <summary>
/// The books each direct payment account keeps (issue #4, item 1). Every <see cref="LedgerEntry"/>
/// moves an amount from one book (the credit side) to another (the debit side) of the same account,
/// so a transaction's legs always sum to zero and every balance is derived from the entries.
/// </summary>
public enum LedgerBook : short
{
    /// <summary>The money in the direct payment account itself: the card, bank account or virtual wallet.</summary>
    Wallet = 1,

    /// <summary>Cash the person has taken out of the account and not yet shown as spent.</summary>
    Cash = 2,

    /// <summary>Money paid out to buy support; its balance is the total spent, net of refunds.</summary>
    Spending = 3,

    /// <summary>The council: what it paid in (its balance goes down) and what came back to it (up).</summary>
    Council = 4,

    /// <summary>The person's own money: contributions and anything else they paid in.</summary>
    Person = 5,
}

/// <summary>Where an entry came from, so each one can be traced to its source record.</summary>
public enum EntrySource : short
{
    /// <summary>A payment run; the source id is the run and the line number its line.</summary>
    PaymentRun = 1,

    /// <summary>An accepted statement import; the source id is the import and the line number the file's line.</summary>
    Statement = 2,

    /// <summary>A receipt the person recorded for a cash or paper spend.</summary>
    Receipt = 3,

    /// <summary>A reclaim agreed with the person or decided formally, with reasons.</summary>
    Reclaim = 4,

    /// <summary>A contribution the council recorded as received outside the account (gross payments).</summary>
    Contribution = 5,

    /// <summary>A correction: the reverse of an earlier entry, which stays as it was.</summary>
    Reversal = 6,

    /// <summary>Transactions a card provider pushed through the API.</summary>
    ApiPush = 7,
}

/// <summary>
/// One line of the ledger: <see cref="AmountPence"/> moves from the <see cref="Credit"/> book to the
/// <see cref="Debit"/> book of one direct payment account. Entries are only ever added: a mistake is
/// corrected by a reversing entry that points at it (<see cref="ReversesEntryId"/>).
/// </summary>
public sealed class LedgerEntry : ITenantOwned
{
    /// <summary>Given by the database, in the order entries were written.</summary>
    public long Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>The direct payment account (<see cref="DpAccount"/>) whose books this entry moves money between.</summary>
    public Guid AccountId { get; set; }

    public LedgerBook Debit { get; set; }

    public LedgerBook Credit { get; set; }

    /// <summary>Always more than zero; the direction is given by the two books.</summary>
    public long AmountPence { get; set; }

    /// <summary>The date the money moved (the statement's transaction date, or the payment date).</summary>
    public DateOnly OccurredOn { get; set; }

    public EntrySource Source { get; set; }

    /// <summary>The record the entry came from: a payment run, statement import, receipt, reclaim or reversal.</summary>
    public Guid SourceId { get; set; }

    /// <summary>The line within the source (a file's line number, a run's line); entries from one source line form one transaction.</summary>
    public int LineNumber { get; set; }

    /// <summary>For statement lines: the key that recognises the same line in a later or overlapping file.</summary>
    public long? DedupKey { get; set; }

    /// <summary>The provider's own transaction id, where the file or push gave one.</summary>
    public string? ExternalId { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Who was paid or who paid in, normalised for category rules and duplicate checks.</summary>
    public string? Payee { get; set; }

    /// <summary>The spending category, where the entry is spending and a rule or a person chose one.</summary>
    public CostCategory? Category { get; set; }

    /// <summary>The running balance the statement showed after this line, kept for reconciliation.</summary>
    public long? StatementBalancePence { get; set; }

    public long? ReversesEntryId { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>One side of an entry: a book and a signed amount (debit positive, credit negative).</summary>
public readonly record struct Leg(Guid AccountId, LedgerBook Book, long Pence);

/// <summary>The ledger's rules: how an entry splits into legs, how balances are derived, how a mistake is reversed.</summary>
public static class LedgerRules
{
    /// <summary>An entry's two legs; they sum to zero by construction.</summary>
    public static (Leg Debit, Leg Credit) Legs(LedgerEntry entry) =>
        (new Leg(entry.AccountId, entry.Debit, entry.AmountPence), new Leg(entry.AccountId, entry.Credit, -entry.AmountPence));

    /// <summary>The balance of one book, from entries alone: debits in, credits out.</summary>
    public static Money Balance(IEnumerable<LedgerEntry> entries, LedgerBook book)
    {
        long pence = 0;
        foreach (var e in entries)
        {
            if (e.Debit == book)
            {
                pence += e.AmountPence;
            }
            if (e.Credit == book)
            {
                pence -= e.AmountPence;
            }
        }
        return new Money(pence);
    }

    /// <summary>A plain-English reason an entry cannot be written, or null when it is sound.</summary>
    public static string? Problem(LedgerEntry entry) =>
        entry.AmountPence <= 0 ? "An entry must move more than £0.00; record the direction with the books, not a negative amount."
        : entry.Debit == entry.Credit ? "An entry must move money between two different books."
        : !Enum.IsDefined(entry.Debit) || !Enum.IsDefined(entry.Credit) ? "An entry names a book that does not exist."
        : entry.AccountId == Guid.Empty ? "An entry must belong to a direct payment account."
        : entry.SourceId == Guid.Empty ? "An entry must say where it came from."
        : null;

    /// <summary>
    /// The entry that undoes <paramref name="original"/>: the same amount between the same books the
    /// other way round, traced to the reversal record. The original is never changed.
    /// </summary>
    public static LedgerEntry Reverse(LedgerEntry original, Guid reversalId, int lineNumber, DateOnly on, DateTime now, string why) => new()
    {
        CouncilId = original.CouncilId,
        AccountId = original.AccountId,
        Debit = original.Credit,
        Credit = original.Debit,
        AmountPence = original.AmountPence,
        OccurredOn = on,
        Source = EntrySource.Reversal,
        SourceId = reversalId,
        LineNumber = lineNumber,
        Description = $"Correction: {why}",
        Payee = original.Payee,
        Category = original.Category,
        ReversesEntryId = original.Id,
        RecordedAt = now,
    };
}
