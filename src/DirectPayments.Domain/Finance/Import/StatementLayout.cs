namespace DirectPayments.Domain.Finance.Import;

/// <summary>
/// How a statement file is laid out: the header name of each column the importer reads, the date
/// format and the separator (issue #4, item 3). Built-in presets live here; a council's own
/// <see cref="ColumnMap"/> becomes a layout with <see cref="FromMap"/>.
/// </summary>
public sealed record StatementLayout(
    string Name,
    string Title,
    char Delimiter,
    IReadOnlyList<string> DateFormats,
    string DateColumn,
    string DescriptionColumn,
    string? AmountColumn,
    string? DebitColumn,
    string? CreditColumn,
    string? BalanceColumn,
    string? TransactionIdColumn,
    string? AccountColumn,
    string? PayeeColumn)
{
    /// <summary>A card provider's export: transaction id, date, card reference, merchant, signed amount, running balance.</summary>
    public static readonly StatementLayout CardProvider = new(
        "card-provider", "Pre-payment card provider (many cards in one file)", ',', ["dd/MM/yyyy", "yyyy-MM-dd"],
        DateColumn: "Date", DescriptionColumn: "Description", AmountColumn: "Amount", DebitColumn: null, CreditColumn: null,
        BalanceColumn: "Balance", TransactionIdColumn: "Transaction ID", AccountColumn: "Card Reference", PayeeColumn: "Merchant");

    /// <summary>A bank statement for one account: date, description, money out, money in, balance.</summary>
    public static readonly StatementLayout Bank = new(
        "bank", "Bank statement (one account)", ',', ["dd/MM/yyyy", "dd MMM yyyy", "yyyy-MM-dd"],
        DateColumn: "Date", DescriptionColumn: "Description", AmountColumn: null, DebitColumn: "Money Out", CreditColumn: "Money In",
        BalanceColumn: "Balance", TransactionIdColumn: null, AccountColumn: null, PayeeColumn: null);

    /// <summary>The least a file can have: date, description and a signed amount, for one account.</summary>
    public static readonly StatementLayout Minimal = new(
        "minimal", "Minimal (date, description, amount; one account)", ',', ["dd/MM/yyyy", "yyyy-MM-dd"],
        DateColumn: "Date", DescriptionColumn: "Description", AmountColumn: "Amount", DebitColumn: null, CreditColumn: null,
        BalanceColumn: null, TransactionIdColumn: null, AccountColumn: null, PayeeColumn: null);

    /// <summary>Every built-in preset, in the order pages list them.</summary>
    public static IReadOnlyList<StatementLayout> Presets { get; } = [CardProvider, Bank, Minimal];

    /// <summary>The preset with this key, or null.</summary>
    public static StatementLayout? Preset(string? name) =>
        Presets.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True when each line says which account it belongs to; otherwise the file is one account's statement.</summary>
    public bool NamesAccounts => AccountColumn is not null;

    /// <summary>The columns a file must have, by header name, in the order they are described.</summary>
    public IEnumerable<string> RequiredColumns()
    {
        yield return DateColumn;
        yield return DescriptionColumn;
        foreach (var c in new[] { AmountColumn, DebitColumn, CreditColumn, BalanceColumn, TransactionIdColumn, AccountColumn, PayeeColumn })
        {
            if (c is not null)
            {
                yield return c;
            }
        }
    }

    /// <summary>A council's own map as a layout.</summary>
    public static StatementLayout FromMap(ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new StatementLayout(map.Name, map.Description ?? map.Name, map.Delimiter, [map.DateFormat],
            map.DateColumn, map.DescriptionColumn, Blank(map.AmountColumn), Blank(map.DebitColumn), Blank(map.CreditColumn),
            Blank(map.BalanceColumn), Blank(map.TransactionIdColumn), Blank(map.AccountColumn), Blank(map.PayeeColumn));
    }

    /// <summary>
    /// Plain-English problems with a council's map, keyed by the field they belong to; empty when it
    /// can be used. A map needs a date and description column, a valid date format, and either one
    /// amount column or both debit and credit columns.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(map.Name))
        {
            problems.Add((nameof(ColumnMap.Name), "Enter a name for the column map"));
        }
        else if (Preset(map.Name) is not null)
        {
            problems.Add((nameof(ColumnMap.Name), $"'{map.Name.Trim()}' is the name of a built-in layout; choose another name"));
        }
        if (map.Delimiter is '\0' or '\r' or '\n' or '"')
        {
            problems.Add((nameof(ColumnMap.Delimiter), "Choose the character that separates the values, such as a comma"));
        }
        if (string.IsNullOrWhiteSpace(map.DateFormat))
        {
            problems.Add((nameof(ColumnMap.DateFormat), "Enter the date format, such as dd/MM/yyyy"));
        }
        else if (!StatementValues.IsUsableDateFormat(map.DateFormat))
        {
            problems.Add((nameof(ColumnMap.DateFormat), "Enter a date format with a day (dd), month (MM or MMM) and year (yyyy), such as dd/MM/yyyy"));
        }
        if (string.IsNullOrWhiteSpace(map.DateColumn))
        {
            problems.Add((nameof(ColumnMap.DateColumn), "Enter the heading of the date column"));
        }
        if (string.IsNullOrWhiteSpace(map.DescriptionColumn))
        {
            problems.Add((nameof(ColumnMap.DescriptionColumn), "Enter the heading of the description column"));
        }
        var amount = Blank(map.AmountColumn);
        var debit = Blank(map.DebitColumn);
        var credit = Blank(map.CreditColumn);
        if (amount is null && (debit is null || credit is null))
        {
            problems.Add((nameof(ColumnMap.AmountColumn), "Enter the heading of the amount column, or of both the money out and money in columns"));
        }
        else if (amount is not null && (debit is not null || credit is not null))
        {
            problems.Add((nameof(ColumnMap.AmountColumn), "Enter either one amount column or separate money out and money in columns, not both"));
        }
        var headings = new[] { map.DateColumn, map.DescriptionColumn, amount, debit, credit, Blank(map.BalanceColumn), Blank(map.TransactionIdColumn), Blank(map.AccountColumn), Blank(map.PayeeColumn) }
            .Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!.Trim()).ToList();
        if (headings.Count != headings.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            problems.Add((nameof(ColumnMap.DateColumn), "Each column heading can be used for one thing only"));
        }
        return problems;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
