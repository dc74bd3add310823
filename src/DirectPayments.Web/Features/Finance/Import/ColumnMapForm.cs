using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>The fields of a council's column map as the add and edit forms post them.</summary>
public sealed class ColumnMapForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Delimiter { get; set; } = ",";

    public string? DateFormat { get; set; } = "dd/MM/yyyy";

    public string? DateColumn { get; set; }

    public string? DescriptionColumn { get; set; }

    public string? AmountColumn { get; set; }

    public string? DebitColumn { get; set; }

    public string? CreditColumn { get; set; }

    public string? BalanceColumn { get; set; }

    public string? TransactionIdColumn { get; set; }

    public string? AccountColumn { get; set; }

    public string? PayeeColumn { get; set; }

    /// <summary>The form field names, the label and hint of each heading field, in form order.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, string Hint)> Headings =
    [
        (nameof(DateColumn), "Date column heading", "Required, for example Date or Transaction Date"),
        (nameof(DescriptionColumn), "Description column heading", "Required, for example Description or Details"),
        (nameof(AmountColumn), "Amount column heading", "One column with money out as negative amounts; leave empty if the file has separate money out and money in columns"),
        (nameof(DebitColumn), "Money out column heading", "Only if money out and money in are in separate columns"),
        (nameof(CreditColumn), "Money in column heading", "Only if money out and money in are in separate columns"),
        (nameof(BalanceColumn), "Balance column heading (optional)", "The running balance after each line, to check it against the ledger"),
        (nameof(TransactionIdColumn), "Transaction id column heading (optional)", "The provider's own id for each line, which recognises it in a later file"),
        (nameof(AccountColumn), "Account or card column heading (optional)", "For files covering many accounts: the column holding the direct payment reference"),
        (nameof(PayeeColumn), "Payee or merchant column heading (optional)", "Who was paid, if the file has it apart from the description"),
    ];

    public string? Value(string field) => field switch
    {
        nameof(DateColumn) => DateColumn,
        nameof(DescriptionColumn) => DescriptionColumn,
        nameof(AmountColumn) => AmountColumn,
        nameof(DebitColumn) => DebitColumn,
        nameof(CreditColumn) => CreditColumn,
        nameof(BalanceColumn) => BalanceColumn,
        nameof(TransactionIdColumn) => TransactionIdColumn,
        nameof(AccountColumn) => AccountColumn,
        nameof(PayeeColumn) => PayeeColumn,
        _ => null,
    };

    public static ColumnMapForm From(ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new()
        {
            Name = map.Name, Description = map.Description, Delimiter = map.Delimiter == '\t' ? "tab" : map.Delimiter.ToString(), DateFormat = map.DateFormat,
            DateColumn = map.DateColumn, DescriptionColumn = map.DescriptionColumn, AmountColumn = map.AmountColumn, DebitColumn = map.DebitColumn,
            CreditColumn = map.CreditColumn, BalanceColumn = map.BalanceColumn, TransactionIdColumn = map.TransactionIdColumn,
            AccountColumn = map.AccountColumn, PayeeColumn = map.PayeeColumn,
        };
    }

    /// <summary>Copies the form onto the map and adds any problems to the model state under <c>Map.Field</c>.</summary>
    public void ApplyTo(ColumnMap map, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(state);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        map.Name = Clean(Name) ?? "";
        map.Description = Clean(Description);
        var delimiter = Delimiter is null ? "" : Delimiter.Trim().ToLowerInvariant();
        if (delimiter is "tab" or "\\t")
        {
            map.Delimiter = '\t';
        }
        else if (delimiter.Length == 1)
        {
            map.Delimiter = delimiter[0];
        }
        else
        {
            map.Delimiter = '\0';
        }
        map.DateFormat = Clean(DateFormat) ?? "";
        map.DateColumn = Clean(DateColumn) ?? "";
        map.DescriptionColumn = Clean(DescriptionColumn) ?? "";
        map.AmountColumn = Clean(AmountColumn);
        map.DebitColumn = Clean(DebitColumn);
        map.CreditColumn = Clean(CreditColumn);
        map.BalanceColumn = Clean(BalanceColumn);
        map.TransactionIdColumn = Clean(TransactionIdColumn);
        map.AccountColumn = Clean(AccountColumn);
        map.PayeeColumn = Clean(PayeeColumn);
        foreach (var (field, message) in StatementLayout.Problems(map))
        {
            state.AddModelError("Map." + field, message);
        }
        if (map.Name.Length > 100)
        {
            state.AddModelError("Map.Name", "The name must be 100 characters or fewer");
        }
        foreach (var (field, _, _) in Headings)
        {
            if (Value(field) is { Length: > 100 })
            {
                state.AddModelError("Map." + field, "A column heading must be 100 characters or fewer");
            }
        }
    }
}
