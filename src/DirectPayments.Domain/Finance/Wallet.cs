using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance;

/// <summary>
/// The council's spending policy (issue #4, item 9): in plain words, what the plan's outcomes allow.
/// Permissive by default (RULES.md sections 4.3 and 16): no blanket merchant bans, and paying for
/// running the direct payment itself is allowed. One row per council; a change overwrites it and the
/// audit trail keeps the old text's change record.
/// </summary>
public sealed class SpendingPolicy : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedByName { get; set; }

    /// <summary>Set by the application on every change, so two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; set; }

    /// <summary>The text a council starts with, until it writes its own.</summary>
    public const string DefaultText =
        """
        You can spend your direct payment on anything that meets the outcomes in your support plan. The plan says what matters to you; how you meet it is up to you.

        There is no list of banned shops or websites. If something helps you meet your outcomes, you can usually buy it, even if it is not what the council would have bought.

        You can use your direct payment to pay for running it: payroll services, employer's insurance, bank or card charges, and paper and ink for your records.

        You cannot use it to pay for things the law does not allow, such as long-term care in a care home, or services the council or the NHS must provide themselves. You cannot usually pay a close relative who lives with you, unless the council has agreed it is necessary.

        If you are not sure, ask us before you buy. We will not take money back without talking to you first.
        """;
}

/// <summary>When payments fall due and how much each is (the common payment rule of issue #4).</summary>
public static class WalletSchedule
{
    /// <summary>
    /// Due dates from the schedule's start: every 28 days (four-weekly), 7 days (weekly), or on the same
    /// day of each following month (monthly; the 29th to 31st fall back to the month's last day), until
    /// <paramref name="endsOn"/> (exclusive).
    /// </summary>
    public static IEnumerable<DateOnly> DueDates(DateOnly startsOn, PaymentFrequency frequency, DateOnly? endsOn)
    {
        for (var n = 0; ; n++)
        {
            var due = frequency switch
            {
                PaymentFrequency.FourWeekly => startsOn.AddDays(28 * n),
                PaymentFrequency.Weekly => startsOn.AddDays(7 * n),
                PaymentFrequency.Monthly => startsOn.AddMonths(n),
            };
            if (endsOn is { } end && due >= end)
            {
                yield break;
            }
            yield return due;
        }
    }

    /// <summary>The next <paramref name="count"/> due dates after <paramref name="today"/>.</summary>
    public static IReadOnlyList<DateOnly> Next(DateOnly startsOn, PaymentFrequency frequency, DateOnly? endsOn, DateOnly today, int count) =>
        [.. DueDates(startsOn, frequency, endsOn).SkipWhile(d => d <= today).Take(count)];

    /// <summary>How many due dates fall on or before <paramref name="on"/>.</summary>
    public static int DueOnOrBefore(DateOnly startsOn, PaymentFrequency frequency, DateOnly? endsOn, DateOnly on) =>
        DueDates(startsOn, frequency, endsOn).TakeWhile(d => d <= on).Count();

    /// <summary>
    /// A weekly amount per payment period: 4 x weekly (four-weekly), 1 x weekly (weekly), or weekly x 52 / 12
    /// rounded half-up to the penny (monthly).
    /// </summary>
    public static Money PerPeriod(long weeklyPence, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => new Money(checked(weeklyPence * 4)),
        PaymentFrequency.Weekly => new Money(weeklyPence),
        PaymentFrequency.Monthly => new Money((long)Math.Round(weeklyPence * 52m / 12m, MidpointRounding.AwayFromZero)),
    };

    /// <summary>What the account receives per period: the budget less the contribution when net, the whole budget when gross.</summary>
    public static Money PaymentPerPeriod(long weeklyBudgetPence, long weeklyContributionPence, PaymentBasis basis, PaymentFrequency frequency) =>
        PerPeriod(basis switch
        {
            PaymentBasis.Net => weeklyBudgetPence - weeklyContributionPence,
            PaymentBasis.Gross => weeklyBudgetPence,
        }, frequency);

    /// <summary>Weeks of planned spend the balance covers, to one decimal place; null when nothing is planned.</summary>
    public static decimal? WeeksOfCover(Money balance, Money weeklyPlanned) =>
        weeklyPlanned.Pence <= 0 ? null : Math.Round(balance.Pence / (decimal)weeklyPlanned.Pence, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Checks on a receipt the person uploads: its type from its own bytes, and its size.</summary>
public static class ReceiptFiles
{
    /// <summary>5 MB: large enough for a phone photo, small enough to keep.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>image/jpeg, image/png or application/pdf from the file's first bytes, or null for anything else.</summary>
    public static string? ContentType(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : start.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;

    /// <summary>The file's extension for its checked type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".pdf",
    };
}

/// <summary>Rules for the category rules themselves (issue #4, item 4).</summary>
public static class CategoryRuleRules
{
    public const int MaxLength = 100;

    /// <summary>The text as it is stored: trimmed, with inner spaces collapsed.</summary>
    public static string Normalise(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A plain-English problem with the rule's text, or null.</summary>
    public static string? Problem(string normalised, IEnumerable<string> existing) =>
        normalised.Length == 0 ? "Enter the text the payee or description contains"
        : normalised.Length < 3 ? "The text must be at least 3 characters, so the rule does not catch unrelated payments"
        : normalised.Length > MaxLength ? $"The text must be {MaxLength} characters or fewer"
        : existing.Any(e => string.Equals(e, normalised, StringComparison.OrdinalIgnoreCase)) ? $"There is already a rule for \"{normalised}\". Change that rule instead"
        : null;

    /// <summary>True when a written (not learned) rule already matches this payee.</summary>
    public static bool WrittenRuleCovers(IEnumerable<CategoryRule> rules, string payee) =>
        rules.Any(r => !r.Learned && payee.Contains(r.Contains, StringComparison.OrdinalIgnoreCase));
}
