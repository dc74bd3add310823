using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance;

public enum ImportChannel
{
    Page,
    Api,
    Cli,
}

public enum ImportStatus
{
    /// <summary>Every line was checked and the new ones posted to the ledger in one transaction.</summary>
    Accepted,

    /// <summary>At least one line was bad: nothing was posted; the problems are listed.</summary>
    Rejected,

    /// <summary>Accepted, then every entry it posted was reversed by finance; the same file can be imported again.</summary>
    Reversed,
}

/// <summary>
/// A statement file (or an API push) and what became of it (issue #4, item 3). A file is accepted
/// or rejected as a whole. Its SHA-256 lets a re-import of the same file say so at once.
/// </summary>
public sealed class StatementImport : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>Set when the file is one account's statement; null when lines name their accounts.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The column map used (a built-in preset's key or a council map's name).</summary>
    public required string ColumnMapName { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string FileSha256 { get; set; }

    public long FileBytes { get; set; }

    public ImportChannel Channel { get; set; }

    public ImportStatus Status { get; set; }

    /// <summary>Lines read, not counting the header.</summary>
    public int LineCount { get; set; }

    /// <summary>Lines new to the ledger and posted.</summary>
    public int AddedCount { get; set; }

    /// <summary>Lines already in the ledger from an earlier or overlapping statement.</summary>
    public int DuplicateCount { get; set; }

    /// <summary>Credit lines recognised as a council payment the ledger already holds.</summary>
    public int MatchedPaymentCount { get; set; }

    /// <summary>For a rejection: the bad lines, one per line as "line N: reason". For an acceptance: the reconciliation, if any.</summary>
    public string? Report { get; set; }

    /// <summary>Where the file's running balances disagreed with the ledger; zero when they agreed or the file had none.</summary>
    public int BalanceDisagreements { get; set; }

    public Guid? ImportedByUserId { get; set; }

    public required string ImportedByName { get; set; }

    public DateTime ImportedAt { get; set; }
}

/// <summary>
/// A council's own layout for statement files, added by a FinanceOfficer without code. The built-in
/// presets live in code; a council map names the header of each column it uses.
/// </summary>
public sealed class ColumnMap : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The field separator: a comma unless the provider uses something else.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>.NET date format of the date column, such as dd/MM/yyyy.</summary>
    public required string DateFormat { get; set; }

    public required string DateColumn { get; set; }

    public required string DescriptionColumn { get; set; }

    /// <summary>One signed amount column (money out negative), or null when debits and credits are separate.</summary>
    public string? AmountColumn { get; set; }

    public string? DebitColumn { get; set; }

    public string? CreditColumn { get; set; }

    public string? BalanceColumn { get; set; }

    public string? TransactionIdColumn { get; set; }

    /// <summary>The column naming the card or account, for files covering many accounts.</summary>
    public string? AccountColumn { get; set; }

    public string? PayeeColumn { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

/// <summary>
/// How a payee or description is sorted into a spending category (issue #4, item 4). Rules are
/// edited by a FinanceOfficer or SupportWorker, and one is learned when someone chooses a category
/// by hand.
/// </summary>
public sealed class CategoryRule : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>Text the payee or description contains, compared without regard to case.</summary>
    public required string Contains { get; set; }

    public CostCategory Category { get; set; }

    /// <summary>True when the rule was learned from a manual choice rather than written.</summary>
    public bool Learned { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

/// <summary>
/// What someone later said about a ledger entry: a category chosen by hand, or the person's one-line
/// explanation. Entries never change; the newest note for an entry is the one shown.
/// </summary>
public sealed class EntryNote : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid AccountId { get; set; }

    public long EntryId { get; set; }

    public CostCategory? Category { get; set; }

    public string? Explanation { get; set; }

    public Guid? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A receipt for a cash or paper spend, recorded by the person with a photo or PDF.</summary>
public sealed class Receipt : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid AccountId { get; set; }

    public DateOnly SpentOn { get; set; }

    public long AmountPence { get; set; }

    public CostCategory Category { get; set; }

    public required string Description { get; set; }

    /// <summary>Paid with cash taken from the account (true), or straight from the account, such as a virtual wallet (false).</summary>
    public bool PaidInCash { get; set; }

    public string? FileName { get; set; }

    /// <summary>image/jpeg, image/png or application/pdf, checked from the file's own bytes.</summary>
    public string? ContentType { get; set; }

    public byte[]? Content { get; set; }

    public Guid? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime RecordedAt { get; set; }
}
