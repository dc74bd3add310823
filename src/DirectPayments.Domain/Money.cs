using System.Globalization;

namespace DirectPayments.Domain;

/// <summary>
/// An amount of money in whole pence (STYLE.md section 3). There is no conversion from floating point;
/// pounds come in as <see cref="decimal"/> and must be a whole number of pence.
/// </summary>
public readonly record struct Money(long Pence) : IComparable<Money>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static readonly Money Zero = new(0);

    /// <summary>Pounds to money; throws if the amount has fractions of a penny.</summary>
    public static Money FromPounds(decimal pounds)
    {
        var pence = pounds * 100m;
        if (pence != decimal.Truncate(pence))
        {
            throw new ArgumentException($"{pounds} has fractions of a penny.", nameof(pounds));
        }
        return new Money((long)pence);
    }

    /// <summary>
    /// Reads an amount a person typed, such as "350", "350.50", "£1,200.00". Gives null for anything
    /// else, including fractions of a penny and amounts over a billion pounds.
    /// </summary>
    public static Money? TryParsePounds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pounds)
            || Math.Abs(pounds) > 1_000_000_000m
            || decimal.Round(pounds, 2) != pounds)
        {
            return null;
        }
        return FromPounds(pounds);
    }

    public decimal Pounds => Pence / 100m;

    public bool IsNegative => Pence < 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Pence + b.Pence));

    public static Money operator -(Money a, Money b) => new(checked(a.Pence - b.Pence));

    public static Money operator *(Money a, int times) => new(checked(a.Pence * times));

    public static Money operator -(Money a) => new(checked(-a.Pence));

    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;

    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;

    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;

    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return amounts.Aggregate(Zero, (total, m) => total + m);
    }

    /// <summary>Pounds and pence in en-GB, like "£1,234.50" or "-£3.00".</summary>
    public override string ToString() => (Pence < 0 ? "-" : "") + "£" + (Math.Abs((decimal)Pence) / 100m).ToString("#,##0.00", EnGb);

    /// <summary>Pounds and pence with no symbol or separators, as a form field shows them: "1234.50".</summary>
    public string ToInputString() => Pounds.ToString("0.00", CultureInfo.InvariantCulture);
}
