using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DirectPayments.Domain.Finance.Import;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>A statement file copied to a temporary file, with its hash, size and encoding.</summary>
public sealed class SpooledStatement : IDisposable
{
    internal SpooledStatement(FileStream file, string sha256, long bytes, Encoding? encoding, string? problem)
    {
        File = file;
        Sha256 = sha256;
        Bytes = bytes;
        Encoding = encoding;
        Problem = problem;
    }

    public FileStream File { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes read (of the whole file unless it was too large).</summary>
    public string Sha256 { get; }

    public long Bytes { get; }

    /// <summary>UTF-8 (with or without a byte order mark) or Windows-1252; null when the file is refused.</summary>
    public Encoding? Encoding { get; }

    /// <summary>Why the file as a whole is refused (empty, too large, mixed encodings), or null.</summary>
    public string? Problem { get; }

    public void Dispose() => File.Dispose();
}

/// <summary>
/// Reads statement files (issue #4, item 3): copies the upload once to a temporary file while
/// hashing it, checking its size and working out its encoding, then parses it line by line with
/// CsvHelper's low-level parser and the Domain's UK date and amount rules.
/// </summary>
public static class StatementReader
{
    /// <summary>At most this many bad lines are listed; the rest are counted.</summary>
    public const int MaxListedProblems = 200;

    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file (deleted when disposed), refusing it as
    /// soon as it passes <paramref name="maxBytes"/> without reading the rest. A file that is valid
    /// UTF-8 is read as UTF-8; one with no valid multi-byte UTF-8 is read as Windows-1252; one with
    /// both valid UTF-8 characters and bytes that are not UTF-8 is refused as mixed.
    /// </summary>
    public static async Task<SpooledStatement> SpoolAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(Path.GetTempPath(), "dp-statement-" + Guid.NewGuid().ToString("N") + ".csv");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            var scan = new Utf8Scan();
            long total = 0;
            var tooLarge = false;
            try
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, buffer.Length), ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        tooLarge = true;
                        break;
                    }
                    sha.AppendData(buffer, 0, read);
                    scan.Add(buffer.AsSpan(0, read), total == read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            scan.End();
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            file.Position = 0;
            string? problem = null;
            Encoding? encoding = null;
            if (tooLarge)
            {
                problem = $"The file is larger than {Megabytes(maxBytes)}. Split it into smaller files, for example one per month, and import each one.";
            }
            else if (total == 0)
            {
                problem = "The file is empty. Choose the statement file again; it may not have been saved or downloaded properly.";
            }
            else if (scan.ValidMultiByte > 0 && scan.Invalid > 0)
            {
                problem = $"The file mixes two text encodings (UTF-8 and another, first at byte {scan.FirstInvalidAt + 1:N0}), so some characters such as £ would be read wrongly. Save it again from the spreadsheet as \"CSV UTF-8\" and import that.";
            }
            else
            {
                encoding = scan.Invalid > 0 ? Windows1252 : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            }
            return new SpooledStatement(file, hash, total, encoding, problem);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>A size such as "100 MB".</summary>
    public static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    /// <summary>
    /// Reads every line of a spooled file against a layout. Problems are "line N: reason" (the
    /// header is line 1), at most <see cref="MaxListedProblems"/> of them; <c>ProblemCount</c> counts all.
    /// </summary>
    public static StatementRead Read(SpooledStatement spooled, StatementLayout layout)
    {
        ArgumentNullException.ThrowIfNull(spooled);
        ArgumentNullException.ThrowIfNull(layout);
        var problems = new List<string>();
        var problemCount = 0;
        void Problem(string message)
        {
            problemCount++;
            if (problems.Count < MaxListedProblems)
            {
                problems.Add(message);
            }
        }

        var lines = new List<StatementLine>();
        spooled.File.Position = 0;
        using var reader = new StreamReader(spooled.File, spooled.Encoding!, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = layout.Delimiter.ToString(),
            BadDataFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            return new StatementRead([], ["The file has no header line. The first line must name the columns."], 0, 1);
        }
        var header = parser.Record ?? [];
        if (header.Length > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF');
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }
        var missing = layout.RequiredColumns().Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var found = string.Join(", ", header.Select(h => $"\"{h.Trim()}\""));
            return new StatementRead([],
                [$"line 1: the header has no {Join(missing.Select(m => $"\"{m}\""))} column{(missing.Count == 1 ? "" : "s")} for the \"{layout.Name}\" layout. It has {found}. Check you chose the right column map."],
                0, 1);
        }
        int Col(string? name) => name is null ? -1 : index[name];
        var date = Col(layout.DateColumn);
        var description = Col(layout.DescriptionColumn);
        var amount = Col(layout.AmountColumn);
        var debit = Col(layout.DebitColumn);
        var credit = Col(layout.CreditColumn);
        var balance = Col(layout.BalanceColumn);
        var transactionId = Col(layout.TransactionIdColumn);
        var account = Col(layout.AccountColumn);
        var payee = Col(layout.PayeeColumn);
        var needed = new[] { date, description, amount, debit, credit, balance, transactionId, account, payee }.Max() + 1;
        var formats = string.Join(" or ", layout.DateFormats.Select(Example));
        var lineCount = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            var line = parser.RawRow;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }
            lineCount++;
            if (record.Length < needed)
            {
                Problem($"line {line}: the line has {record.Length} value{(record.Length == 1 ? "" : "s")} but the header has {header.Length}; it may have been cut short");
                continue;
            }
            var bad = false;
            var on = StatementValues.ParseDate(record[date], layout.DateFormats);
            if (on is null)
            {
                Problem(string.IsNullOrWhiteSpace(record[date])
                    ? $"line {line}: the date is missing"
                    : $"line {line}: \"{Shorten(record[date])}\" is not a date in the form {formats}");
                bad = true;
            }
            long signed = 0;
            if (amount >= 0)
            {
                if (StatementValues.ParsePence(record[amount]) is { } pence)
                {
                    signed = pence;
                }
                else
                {
                    Problem(AmountProblem(line, "amount", record[amount]));
                    bad = true;
                }
            }
            else
            {
                var outText = record[debit];
                var inText = record[credit];
                var outPence = string.IsNullOrWhiteSpace(outText) ? 0 : StatementValues.ParsePence(outText);
                var inPence = string.IsNullOrWhiteSpace(inText) ? 0 : StatementValues.ParsePence(inText);
                if (outPence is null)
                {
                    Problem(AmountProblem(line, "money out", outText));
                    bad = true;
                }
                if (inPence is null)
                {
                    Problem(AmountProblem(line, "money in", inText));
                    bad = true;
                }
                if (outPence is { } o && inPence is { } n)
                {
                    if (o != 0 && n != 0)
                    {
                        Problem($"line {line}: the line has both money out and money in; a line must be one or the other");
                        bad = true;
                    }
                    signed = n != 0 ? Math.Abs(n) : -Math.Abs(o);
                }
            }
            if (!bad && signed == 0)
            {
                Problem($"line {line}: the amount is £0.00; remove the line or correct the amount");
                bad = true;
            }
            long? shown = null;
            if (balance >= 0 && !string.IsNullOrWhiteSpace(record[balance]))
            {
                shown = StatementValues.ParsePence(record[balance]);
                if (shown is null)
                {
                    Problem(AmountProblem(line, "balance", record[balance]));
                    bad = true;
                }
            }
            var text = record[description].Trim();
            if (text.Length == 0 && (payee < 0 || string.IsNullOrWhiteSpace(record[payee])))
            {
                Problem($"line {line}: the description is missing");
                bad = true;
            }
            string? accountReference = null;
            if (account >= 0)
            {
                accountReference = record[account].Trim();
                if (accountReference.Length == 0)
                {
                    Problem($"line {line}: the {layout.AccountColumn} is missing, so the line cannot be given to an account");
                    bad = true;
                }
            }
            var id = transactionId >= 0 && !string.IsNullOrWhiteSpace(record[transactionId]) ? record[transactionId].Trim() : null;
            if (id is { Length: > 100 })
            {
                Problem($"line {line}: the transaction id is longer than 100 characters");
                bad = true;
            }
            if (bad)
            {
                continue;
            }
            var payeeText = payee >= 0 && !string.IsNullOrWhiteSpace(record[payee]) ? record[payee].Trim() : null;
            if (text.Length == 0)
            {
                text = payeeText!;
            }
            lines.Add(new StatementLine(line, accountReference, on!.Value, signed, text.Length > 500 ? text[..500] : text, payeeText, id, shown));
        }
        if (lineCount == 0 && problemCount == 0)
        {
            Problem("The file has a header but no statement lines.");
        }
        return new StatementRead(lines, problems, lineCount, problemCount);
    }

    private static string AmountProblem(int line, string what, string text) =>
        string.IsNullOrWhiteSpace(text)
            ? $"line {line}: the {what} is missing"
            : $"line {line}: the {what} \"{Shorten(text)}\" is not an amount of money in pounds and pence, such as 1,234.50 or -12.00";

    private static string Example(string format) => string.Create(CultureInfo.InvariantCulture, $"{format} (for example {new DateOnly(2026, 3, 14).ToString(format, CultureInfo.GetCultureInfo("en-GB"))})");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    /// <summary>Counts valid multi-byte UTF-8 characters and bytes that cannot be UTF-8, across buffer boundaries.</summary>
    private sealed class Utf8Scan
    {
        private readonly byte[] _carry = new byte[4];
        private int _carried;
        private long _offset;

        public long ValidMultiByte { get; private set; }

        public long Invalid { get; private set; }

        public long FirstInvalidAt { get; private set; } = -1;

        public void Add(ReadOnlySpan<byte> bytes, bool first)
        {
            if (first && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                ValidMultiByte++;
                bytes = bytes[3..];
                _offset += 3;
            }
            if (_carried > 0)
            {
                // Finish the character split across the previous buffer's end.
                var take = Math.Min(4 - _carried, bytes.Length);
                Span<byte> joined = stackalloc byte[4];
                _carry.AsSpan(0, _carried).CopyTo(joined);
                bytes[..take].CopyTo(joined[_carried..]);
                var status = System.Text.Rune.DecodeFromUtf8(joined[..(_carried + take)], out _, out var used);
                if (status == System.Buffers.OperationStatus.NeedMoreData && take == bytes.Length)
                {
                    bytes[..take].CopyTo(_carry.AsSpan(_carried));
                    _carried += take;
                    _offset += take;
                    return;
                }
                Count(status, _offset - _carried);
                var fromThis = Math.Max(0, used - _carried);
                bytes = bytes[fromThis..];
                _offset += fromThis;
                _carried = 0;
            }
            var i = 0;
            while (i < bytes.Length)
            {
                var next = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (next < 0)
                {
                    break;
                }
                i += next;
                var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var used);
                if (status == System.Buffers.OperationStatus.NeedMoreData)
                {
                    bytes[i..].CopyTo(_carry);
                    _carried = bytes.Length - i;
                    _offset += i;
                    _offset += _carried;
                    return;
                }
                Count(status, _offset + i);
                i += Math.Max(1, used);
            }
            _offset += bytes.Length;
        }

        public void End()
        {
            if (_carried > 0)
            {
                Count(System.Buffers.OperationStatus.InvalidData, _offset - _carried);
                _carried = 0;
            }
        }

        private void Count(System.Buffers.OperationStatus status, long at)
        {
            if (status == System.Buffers.OperationStatus.Done)
            {
                ValidMultiByte++;
            }
            else
            {
                Invalid++;
                if (FirstInvalidAt < 0)
                {
                    FirstInvalidAt = at;
                }
            }
        }
    }
}

/// <summary>The lines read from a file, and the problems found (capped), with the count of all problems.</summary>
public sealed record StatementRead(IReadOnlyList<StatementLine> Lines, IReadOnlyList<string> Problems, int LineCount, int ProblemCount);
