using System.Globalization;
using System.Text;

namespace DirectPayments.Domain.Finance.Payments;

/// <summary>One payment as a payment file shows it: who is paid, where, how much, and what it is for.</summary>
public sealed record PaymentFileLine(
    int LineNumber,
    string PaymentReference,
    DateOnly PayOn,
    string PayeeName,
    string? SortCode,
    string? AccountNumber,
    long AmountPence,
    string ArrangementReference,
    string PersonReference,
    DateOnly DueOn,
    DateOnly PeriodEndsOn,
    PaymentKind Kind);

/// <summary>The council's own bank details, which every Bacs record carries as the originator.</summary>
public sealed record Originator(string SortCode, string AccountNumber, string ServiceUserName);

/// <summary>A payment file, or the reasons it cannot be written.</summary>
public sealed record PaymentFileOutcome(string? Text, IReadOnlyList<string> Problems)
{
    public bool Written => Text is not null;
}

/// <summary>Checks of UK bank details as people type them.</summary>
public static class BankDetails
{
    /// <summary>Digits only: spaces and dashes (as in 12-34-56) are dropped. Null for nothing typed.</summary>
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new string([.. text.Where(c => c is not (' ' or '-'))]);

    public static bool IsSortCode(string? text) => text is { Length: 6 } && text.All(char.IsAsciiDigit);

    public static bool IsAccountNumber(string? text) => text is { Length: 8 } && text.All(char.IsAsciiDigit);

    /// <summary>A sort code as people read it: 12-34-56.</summary>
    public static string ShowSortCode(string sortCode)
    {
        ArgumentNullException.ThrowIfNull(sortCode);
        return sortCode.Length == 6 ? $"{sortCode[..2]}-{sortCode[2..4]}-{sortCode[4..]}" : sortCode;
    }
}

/// <summary>
/// Bacs Standard 18 data records for a bureau or Bacs-approved software (issue #4, item 10). Each payment is
/// one 100-character credit record (transaction code 99), one per line, with no volume, header, contra or
/// trailer records: the bureau software adds those when it submits the file. Layout (1-based columns):
/// 1-6 destination sort code; 7-14 destination account number; 15 destination account type ("0");
/// 16-17 transaction code ("99"); 18-23 originating sort code; 24-31 originating account number;
/// 32-35 free format (spaces); 36-46 amount in pence, zero-padded; 47-64 originator's (service user's) name;
/// 65-82 service user's reference (the payment reference); 83-100 destination account name.
/// Text fields are upper case, Bacs characters only (A-Z 0-9 . &amp; / - and space), cut and space-padded.
/// </summary>
public static class BacsStandard18
{
    public const int RecordLength = 100;

    public const string CreditTransactionCode = "99";

    /// <summary>The largest amount an 11-digit pence field holds.</summary>
    public const long MaximumPence = 99_999_999_999;

    /// <summary>
    /// Writes the records, or refuses the whole file with one plain-English reason per bad line, so a file
    /// with a missing or invalid account never reaches the bank.
    /// </summary>
    public static PaymentFileOutcome Write(Originator originator, IEnumerable<PaymentFileLine> lines)
    {
        ArgumentNullException.ThrowIfNull(originator);
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<string>();
        if (!BankDetails.IsSortCode(originator.SortCode) || !BankDetails.IsAccountNumber(originator.AccountNumber))
        {
            problems.Add("The council's own sort code (6 digits) and account number (8 digits) for Bacs files are not set. Ask an administrator to set them in the Payments settings");
        }
        if (string.IsNullOrWhiteSpace(BacsText(originator.ServiceUserName)))
        {
            problems.Add("The council's service user name for Bacs files is not set. Ask an administrator to set it in the Payments settings");
        }
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (!BankDetails.IsSortCode(line.SortCode))
            {
                problems.Add($"Line {line.LineNumber} ({line.PaymentReference}, {line.PayeeName}): the sort code must be 6 digits; record the account's bank details first");
                continue;
            }
            if (!BankDetails.IsAccountNumber(line.AccountNumber))
            {
                problems.Add($"Line {line.LineNumber} ({line.PaymentReference}, {line.PayeeName}): the account number must be 8 digits; record the account's bank details first");
                continue;
            }
            if (line.AmountPence is <= 0 or > MaximumPence)
            {
                problems.Add($"Line {line.LineNumber} ({line.PaymentReference}): the amount must be more than £0.00 and fit in 11 digits of pence");
                continue;
            }
            if (problems.Count > 0)
            {
                continue;
            }
            text.Append(Record(originator, line)).Append("\r\n");
        }
        return problems.Count > 0 ? new PaymentFileOutcome(null, problems) : new PaymentFileOutcome(text.ToString(), []);
    }

    /// <summary>One 100-character record; the details must already have been checked.</summary>
    public static string Record(Originator originator, PaymentFileLine line)
    {
        ArgumentNullException.ThrowIfNull(originator);
        ArgumentNullException.ThrowIfNull(line);
        var record = string.Concat(
            line.SortCode,
            line.AccountNumber,
            "0",
            CreditTransactionCode,
            originator.SortCode,
            originator.AccountNumber,
            "    ",
            line.AmountPence.ToString("D11", CultureInfo.InvariantCulture),
            Field(originator.ServiceUserName),
            Field(line.PaymentReference),
            Field(line.PayeeName));
        return record.Length == RecordLength ? record : throw new InvalidOperationException($"A Bacs record must be {RecordLength} characters; this one is {record.Length}.");
    }

    /// <summary>Upper case, Bacs characters only, cut or padded to 18 characters.</summary>
    public static string Field(string? text)
    {
        var cleaned = BacsText(text);
        return cleaned.Length >= 18 ? cleaned[..18] : cleaned.PadRight(18);
    }

    /// <summary>Accents are dropped (Zoë becomes ZOE); anything else outside the Bacs set becomes a space.</summary>
    private static string BacsText(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            builder.Append(upper is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '&' or '/' or '-' or ' ' ? upper : ' ');
        }
        return builder.ToString().Trim();
    }
}

/// <summary>
/// The CSV payment file for the council's finance system: the columns, in order, and how each line fills
/// them (the writer in the web project quotes by RFC 4180 and guards against spreadsheet formulas).
/// </summary>
public static class PaymentCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "payment_reference", "pay_on", "payee_name", "sort_code", "account_number", "amount", "amount_pence",
        "arrangement_reference", "person_reference", "due_on", "period_ends_on", "kind",
    ];

    /// <summary>The line's values, in <see cref="Columns"/> order: dates as yyyy-MM-dd, amount in pounds with two decimals.</summary>
    public static IReadOnlyList<string> Values(PaymentFileLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return
        [
            line.PaymentReference,
            line.PayOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            line.PayeeName,
            line.SortCode ?? "",
            line.AccountNumber ?? "",
            new Money(line.AmountPence).Pounds.ToString("0.00", CultureInfo.InvariantCulture),
            line.AmountPence.ToString(CultureInfo.InvariantCulture),
            line.ArrangementReference,
            line.PersonReference,
            line.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            line.PeriodEndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            line.Kind switch { PaymentKind.Regular => "regular", PaymentKind.OneOff => "one-off" },
        ];
    }
}
