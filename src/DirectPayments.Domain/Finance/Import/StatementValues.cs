using System.Globalization;
using System.Text;

namespace DirectPayments.Domain.Finance.Import;

/// <summary>Reading the values of one statement line: UK dates, amounts in pence, and normalised text.</summary>
public static class StatementValues
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads a date in one of the layout's formats (en-GB month names), or null.</summary>
    public static DateOnly? ParseDate(string? text, IReadOnlyList<string> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(trimmed, format, EnGb, DateTimeStyles.None, out var date))
            {
                return date;
            }
            // Some exports add a time of day to the date; the date alone is what counts.
            if (trimmed.Length > format.Length && trimmed[format.Length] == ' '
                && DateOnly.TryParseExact(trimmed.AsSpan(0, format.Length), format, EnGb, DateTimeStyles.None, out date))
            {
                return date;
            }
        }
        return null;
    }

    /// <summary>Whether a council's date format can read a full date (day, month and year).</summary>
    public static bool IsUsableDateFormat(string format)
    {
        if (string.IsNullOrWhiteSpace(format) || !format.Contains('d', StringComparison.Ordinal) || !format.Contains('M', StringComparison.Ordinal)
            || !format.Contains("yy", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var sample = new DateOnly(2026, 3, 14).ToString(format, EnGb);
            return DateOnly.TryParseExact(sample, format, EnGb, DateTimeStyles.None, out var back) && back == new DateOnly(2026, 3, 14);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads an amount to pence: "1,234.50", "-12.00", "(12.00)" (negative), "£3.99", "12" or "+5.00".
    /// Gives null for anything else, including empty text, letters ("1,234.5O"), fractions of a penny
    /// ("12.345") and misplaced thousands separators.
    /// </summary>
    public static long? ParsePence(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }
        var negative = false;
        if (text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = text[1..^1].Trim();
        }
        if (!text.IsEmpty && (text[0] == '-' || text[0] == '+'))
        {
            negative ^= text[0] == '-';
            text = text[1..].TrimStart();
        }
        if (!text.IsEmpty && text[0] == '£')
        {
            text = text[1..].TrimStart();
        }
        if (!text.IsEmpty && text[0] == '-' && !negative)
        {
            // "£-3.99"
            negative = true;
            text = text[1..];
        }
        if (text.IsEmpty)
        {
            return null;
        }
        long pounds = 0;
        var digitsBeforePoint = 0;
        var sinceComma = -1;
        var i = 0;
        for (; i < text.Length && text[i] != '.'; i++)
        {
            var c = text[i];
            if (c == ',')
            {
                if (digitsBeforePoint == 0 || (sinceComma >= 0 && sinceComma != 3))
                {
                    return null;
                }
                sinceComma = 0;
                continue;
            }
            if (c is < '0' or > '9')
            {
                return null;
            }
            if (digitsBeforePoint >= 12)
            {
                return null;
            }
            pounds = (pounds * 10) + (c - '0');
            digitsBeforePoint++;
            if (sinceComma >= 0)
            {
                sinceComma++;
            }
        }
        if (sinceComma >= 0 && sinceComma != 3)
        {
            return null;
        }
        long pence = 0;
        if (i < text.Length)
        {
            var fraction = text[(i + 1)..];
            if (fraction.Length is 0 or > 2 || (digitsBeforePoint == 0 && fraction.Length == 0))
            {
                return null;
            }
            foreach (var c in fraction)
            {
                if (c is < '0' or > '9')
                {
                    return null;
                }
            }
            pence = (fraction[0] - '0') * 10 + (fraction.Length == 2 ? fraction[1] - '0' : 0);
        }
        else if (digitsBeforePoint == 0)
        {
            return null;
        }
        var total = (pounds * 100) + pence;
        return negative ? -total : total;
    }

    /// <summary>
    /// A description as rules and keys compare it: upper case, letters and digits only, single spaces.
    /// "Tesco  Stores-1234 " and "TESCO STORES 1234" are the same.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                space = false;
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (c is not '\'')
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether normalised text contains a word (whole word, case already folded).</summary>
    public static bool ContainsWord(string normalised, string word)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        ArgumentNullException.ThrowIfNull(word);
        var start = 0;
        while (start <= normalised.Length - word.Length)
        {
            var at = normalised.IndexOf(word, start, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }
            var before = at == 0 || normalised[at - 1] == ' ';
            var after = at + word.Length == normalised.Length || normalised[at + word.Length] == ' ';
            if (before && after)
            {
                return true;
            }
            start = at + 1;
        }
        return false;
    }

    /// <summary>The payee as kept on the entry: the payee column if the file has one, else the description, normalised and cut to 200 characters.</summary>
    public static string? Payee(string? payee, string description)
    {
        var text = Normalise(string.IsNullOrWhiteSpace(payee) ? description : payee);
        return text.Length == 0 ? null : text.Length > 200 ? text[..200] : text;
    }
}
