using System.Globalization;
using System.Text;
using DirectPayments.Domain.Finance;

namespace DirectPayments.Cli.Generation;

/// <summary>What the generator knows about one statement file it wrote.</summary>
/// <param name="File">The file's name, in the output folder.</param>
/// <param name="Rows">Data rows (the header not counted).</param>
/// <param name="NewRows">Rows not in any earlier file: what importing it after the earlier ones must add.</param>
/// <param name="TwinPairs">Pairs of identical purchases (same card, day, amount and description; different transaction ids) in the file.</param>
/// <param name="OverlapTwinPairs">Of those, pairs on days the earlier file also covers.</param>
public sealed record StatementFileAnswer(string File, long Rows, long NewRows, int TwinPairs, int OverlapTwinPairs);

/// <summary>
/// Writes statement files in the <c>card-provider</c> preset's layout (one file, many cards, a
/// transaction id and a running balance per card) for the lines after the run date: a first file of
/// an exact row count, and an overlapping file of which about half the lines are in the first.
/// </summary>
public static class StatementFiles
{
    /// <summary>The card-provider layout's header: these names are what the preset's column map looks for.</summary>
    public static readonly string[] Header = ["Date", "Card Reference", "Transaction ID", "Merchant", "Description", "Amount", "Balance"];

    /// <summary>The date format of the layout.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    /// <summary>Writes <c>statement-1.csv</c> (exactly <paramref name="rows"/> lines) and <c>statement-2-overlap.csv</c>.</summary>
    public static async Task<(StatementFileAnswer First, StatementFileAnswer Overlap)> WriteAsync(GenerateOptions options, string folder, long rows, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var accounts = SyntheticPlan.Accounts(options).Where(a => a.Frequency == Domain.Journey.PaymentFrequency.FourWeekly).ToList();
        var runDate = options.RunDate;
        // Lines per card-day are about 0.5; allow enough days for the first file and as many again.
        var perDay = Math.Max(1.0, accounts.Count * 0.45);
        var days = (int)Math.Ceiling(rows / perDay * 2.2) + 30;
        var first = runDate.AddDays(1);
        var last = runDate.AddDays(days);

        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Working out statement lines for {accounts.Count:N0} cards from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
        var perCard = new List<(SyntheticAccount Account, long Opening, List<SyntheticEntry> Lines)>(accounts.Count);
        var perDayCount = new long[days + 1];
        foreach (var account in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var all = SyntheticPlan.Entries(account, account.StartsOn, last, runDate);
            long opening = 0;
            var lines = new List<SyntheticEntry>();
            foreach (var e in all)
            {
                if (e.Debit != LedgerBook.Wallet && e.Credit != LedgerBook.Wallet)
                {
                    continue;
                }
                if (e.OccurredOn <= runDate)
                {
                    opening += e.Debit == LedgerBook.Wallet ? e.AmountPence : -e.AmountPence;
                }
                else
                {
                    lines.Add(e);
                }
            }
            perCard.Add((account, opening, lines));
        }

        // Twin purchases: every 25th card buys the same thing twice on one day, both in the overlap and after it.
        var firstDays = 0;
        long cumulative = 0;
        foreach (var card in perCard)
        {
            foreach (var e in card.Lines)
            {
                perDayCount[e.OccurredOn.DayNumber - runDate.DayNumber]++;
            }
        }
        while (cumulative < rows && firstDays < days)
        {
            firstDays++;
            cumulative += perDayCount[firstDays];
        }
        if (cumulative < rows)
        {
            throw new InvalidOperationException("Not enough statement lines for that many rows: generate more accounts.");
        }
        var overlapFrom = runDate.AddDays((firstDays / 2) + 1);
        var firstTo = runDate.AddDays(firstDays);
        var secondTo = runDate.AddDays(firstDays + (firstDays / 2));
        for (var i = 0; i < perCard.Count; i++)
        {
            if (i % 25 != 7)
            {
                continue;
            }
            var lines = perCard[i].Lines;
            AddTwin(lines, overlapFrom, firstTo.AddDays(-1));
            AddTwin(lines, firstTo.AddDays(1), secondTo);
        }

        // The first file: every line up to the day before firstTo, and firstTo's lines card by card until the count is exact.
        var quota = rows - perCard.Sum(c => c.Lines.Count(e => e.OccurredOn < firstTo));
        if (quota < 0)
        {
            throw new InvalidOperationException("The twin purchases pushed the first file over its row count: ask for more rows.");
        }
        var inFirst = new HashSet<string>(StringComparer.Ordinal);
        var firstAnswer = await WriteFileAsync(Path.Combine(folder, "statement-1.csv"), perCard, e =>
        {
            if (e.OccurredOn < firstTo)
            {
                return true;
            }
            if (e.OccurredOn == firstTo && quota > 0 && !IsTwin(e))
            {
                quota--;
                return true;
            }
            return false;
        }, inFirst, null, overlapFrom, cancellationToken);
        var overlapAnswer = await WriteFileAsync(Path.Combine(folder, "statement-2-overlap.csv"), perCard,
            e => e.OccurredOn >= overlapFrom && e.OccurredOn <= secondTo, null, inFirst, overlapFrom, cancellationToken);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote statement-1.csv ({firstAnswer.Rows:N0} rows) and statement-2-overlap.csv ({overlapAnswer.Rows:N0} rows, {overlapAnswer.NewRows:N0} new)"));
        return (firstAnswer, overlapAnswer);
    }

    private static bool IsTwin(SyntheticEntry e) => e.ExternalId is { } id && id.EndsWith('W');

    private static void AddTwin(List<SyntheticEntry> lines, DateOnly from, DateOnly to)
    {
        var index = lines.FindIndex(e => e.OccurredOn >= from && e.OccurredOn <= to && e.Description.StartsWith("CARD PURCHASE", StringComparison.Ordinal));
        if (index >= 0)
        {
            lines.Insert(index + 1, lines[index] with { ExternalId = lines[index].ExternalId + "W" });
        }
    }

    private static async Task<StatementFileAnswer> WriteFileAsync(string path, List<(SyntheticAccount Account, long Opening, List<SyntheticEntry> Lines)> cards,
        Func<SyntheticEntry, bool> include, HashSet<string>? record, HashSet<string>? earlier, DateOnly overlapFrom, CancellationToken cancellationToken)
    {
        long count = 0;
        long fresh = 0;
        var twins = 0;
        var overlapTwins = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync(string.Join(',', Header));
        var line = new StringBuilder(160);
        foreach (var (account, opening, lines) in cards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var balance = opening;
            foreach (var e in lines)
            {
                var signed = e.Debit == LedgerBook.Wallet ? e.AmountPence : -e.AmountPence;
                balance += signed;
                if (!include(e))
                {
                    continue;
                }
                var id = e.ExternalId ?? string.Create(CultureInfo.InvariantCulture, $"P{account.Index:D8}{e.OccurredOn.DayNumber:D6}");
                line.Clear()
                    .Append(e.OccurredOn.ToString(DateFormat, CultureInfo.InvariantCulture)).Append(',')
                    .Append(account.Reference).Append(',')
                    .Append(id).Append(',')
                    .Append(e.Payee).Append(',')
                    .Append(e.Description).Append(',')
                    .Append(Pounds(signed)).Append(',')
                    .Append(Pounds(balance));
                await writer.WriteLineAsync(line, cancellationToken);
                count++;
                record?.Add(id);
                if (earlier is null || !earlier.Contains(id))
                {
                    fresh++;
                }
                if (IsTwin(e))
                {
                    twins++;
                    if (e.OccurredOn >= overlapFrom && earlier is not null && earlier.Contains(id))
                    {
                        overlapTwins++;
                    }
                }
            }
        }
        return new StatementFileAnswer(Path.GetFileName(path), count, fresh, twins, overlapTwins);
    }

    /// <summary>Pence as a signed pounds amount with two decimals and no thousands separator, such as -12.30.</summary>
    public static string Pounds(long pence) =>
        string.Create(CultureInfo.InvariantCulture, $"{(pence < 0 ? "-" : "")}{Math.Abs(pence) / 100}.{Math.Abs(pence) % 100:D2}");
}
