using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DirectPayments.Data;
using DirectPayments.Data.Finance;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>A statement file to import: its bytes, name, the column map to read it with, and for one-account files the account.</summary>
public sealed record ImportRequest(Stream Content, string FileName, string ColumnMapName, Guid? AccountId, ImportChannel Channel, Who By);

/// <summary>
/// What became of an import. <see cref="Import"/> is the record (for an already-imported file, the
/// first import of it). <see cref="Problems"/> lists at most 200 bad lines; <see cref="ProblemCount"/> counts all.
/// </summary>
public sealed record ImportOutcome(
    StatementImport Import,
    int Lines,
    int Added,
    int Duplicates,
    int MatchedPayments,
    IReadOnlyList<string> Problems,
    int ProblemCount,
    IReadOnlyList<BalanceDisagreement> Reconciliation,
    bool AlreadyImported,
    long MoneyOutPence = 0,
    long MoneyInPence = 0)
{
    public bool Accepted => Import.Status != ImportStatus.Rejected && !AlreadyImported;

    public bool Rejected => Import.Status == ImportStatus.Rejected && !AlreadyImported;

    /// <summary>The problems as shown to people, with "and N more" when the list was cut.</summary>
    public IReadOnlyList<string> ProblemsForDisplay =>
        ProblemCount > Problems.Count ? [.. Problems, string.Create(CultureInfo.InvariantCulture, $"and {ProblemCount - Problems.Count:N0} more problems")] : Problems;
}

/// <summary>Limits for statement files; <c>Money:Statements:MaxBytes</c> in configuration (100 MB by default).</summary>
public sealed class StatementImportSettings
{
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;
}

/// <summary>
/// The one path by which statement lines reach the ledger: pages, the API, the CLI, the demo data
/// and the benchmark all use it (issue #4, item 3). A file is accepted or rejected as a whole; an
/// accepted file's new lines, its <see cref="StatementImport"/> record and one audit entry are written
/// in one transaction, serialised per council so two imports at once never count a line twice.
/// </summary>
public sealed class StatementImporter(DpDbContext db, MoneyActions money, IOptions<StatementImportSettings> settings)
{
    /// <summary>The column map name recorded for transactions a card provider pushed as JSON.</summary>
    public const string PushMapName = "api-push";

    /// <summary>Test seam: called after each ledger row is written; throw from it to simulate a crash part way through.</summary>
    public Action<int>? AfterEachRowWritten { get; set; }

    public long MaxBytes => settings.Value.MaxBytes;

    /// <summary>The layout for a preset key or a council map's name, or null.</summary>
    public async Task<StatementLayout?> LayoutAsync(string? name, CancellationToken ct)
    {
        if (StatementLayout.Preset(name) is { } preset)
        {
            return preset;
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var trimmed = name.Trim();
        var map = await db.ColumnMaps.AsNoTracking().FirstOrDefaultAsync(m => m.Name == trimmed, ct);
        return map is null ? null : StatementLayout.FromMap(map);
    }

    /// <summary>Imports a statement file.</summary>
    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = Path.GetFileName(request.FileName ?? "").Trim();
        if (fileName.Length == 0)
        {
            fileName = "statement.csv";
        }
        else if (fileName.Length > 260)
        {
            fileName = fileName[..260];
        }
        using var spooled = await StatementReader.SpoolAsync(request.Content, MaxBytes, ct);
        var record = NewRecord(fileName, request.ColumnMapName, request.AccountId, request.Channel, request.By, spooled.Sha256, spooled.Bytes);
        if (spooled.Problem is { } fileProblem)
        {
            record.FileSha256 = spooled.Bytes > MaxBytes ? "" : spooled.Sha256;
            return await RejectAsync(record, [fileProblem], 1, 0, ct);
        }
        if (await FirstImportAsync(spooled.Sha256, ct) is { } first)
        {
            return AlreadyDone(first);
        }
        var layout = await LayoutAsync(request.ColumnMapName, ct);
        if (layout is null)
        {
            return await RejectAsync(record, [$"There is no column map called \"{request.ColumnMapName}\". Choose one of the built-in layouts or the council's own maps."], 1, 0, ct);
        }
        record.ColumnMapName = layout.Name;
        var read = StatementReader.Read(spooled, layout);
        if (read.ProblemCount > 0)
        {
            return await RejectAsync(record, read.Problems, read.ProblemCount, read.LineCount, ct);
        }
        return await PostAsync(record, layout.NamesAccounts, read.Lines, read.LineCount, EntrySource.Statement, ct);
    }

    /// <summary>
    /// Imports lines a card provider pushed for one account (already read from JSON). The request's
    /// bytes are hashed so the same push sent twice says it was imported before.
    /// </summary>
    public async Task<ImportOutcome> ImportPushAsync(Guid accountId, IReadOnlyList<StatementLine> lines, byte[] body, Who by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(body);
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var record = NewRecord("transactions.json", PushMapName, accountId, ImportChannel.Api, by, sha, body.LongLength);
        if (await FirstImportAsync(sha, ct) is { } first)
        {
            return AlreadyDone(first);
        }
        return await PostAsync(record, false, lines, lines.Count, EntrySource.ApiPush, ct);
    }

    private StatementImport NewRecord(string fileName, string mapName, Guid? accountId, ImportChannel channel, Who by, string sha, long bytes) => new()
    {
        Id = money.NewId(),
        CouncilId = db.CurrentCouncilId,
        AccountId = accountId,
        ColumnMapName = (mapName ?? "").Trim() is { Length: > 0 and <= 100 } m ? m : "(none)",
        FileName = fileName,
        FileSha256 = sha,
        FileBytes = bytes,
        Channel = channel,
        Status = ImportStatus.Accepted,
        ImportedByUserId = by.UserId,
        ImportedByName = by.Name,
        ImportedAt = money.Now,
    };

    private Task<StatementImport?> FirstImportAsync(string sha, CancellationToken ct) =>
        db.StatementImports.AsNoTracking()
            .Where(i => i.FileSha256 == sha && i.Status == ImportStatus.Accepted)
            .OrderBy(i => i.ImportedAt).FirstOrDefaultAsync(ct);

    private static ImportOutcome AlreadyDone(StatementImport first) =>
        new(first, first.LineCount, 0, 0, 0, [], 0, [], AlreadyImported: true);

    private async Task<ImportOutcome> RejectAsync(StatementImport record, IReadOnlyList<string> problems, int problemCount, int lines, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        record.Status = ImportStatus.Rejected;
        record.LineCount = lines;
        var report = new StringBuilder();
        foreach (var p in problems)
        {
            report.Append(p).Append('\n');
        }
        if (problemCount > problems.Count)
        {
            report.Append(CultureInfo.InvariantCulture, $"and {problemCount - problems.Count:N0} more problems\n");
        }
        record.Report = report.ToString().TrimEnd();
        if (record.AccountId is { } accountId && !await db.DpAccounts.AnyAsync(a => a.Id == accountId, ct))
        {
            record.AccountId = null;
        }
        db.StatementImports.Add(record);
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(record, lines, 0, 0, 0, problems, problemCount, [], AlreadyImported: false);
    }

    private async Task<ImportOutcome> PostAsync(StatementImport record, bool namesAccounts, IReadOnlyList<StatementLine> lines, int lineCount,
        EntrySource source, CancellationToken ct)
    {
        // Which account each line belongs to.
        var problems = new List<string>();
        DpAccount? single = null;
        if (record.AccountId is { } chosen)
        {
            single = await db.DpAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == chosen, ct);
            if (single is null)
            {
                return await RejectAsync(record, ["The account chosen for this statement was not found."], 1, lineCount, ct);
            }
        }
        else if (!namesAccounts)
        {
            return await RejectAsync(record, ["This layout has no account column, so choose the account the statement belongs to."], 1, lineCount, ct);
        }
        var accounts = new Dictionary<string, DpAccount>(StringComparer.OrdinalIgnoreCase);
        if (namesAccounts)
        {
            var wanted = lines.Select(l => l.AccountReference!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var chunk in wanted.Chunk(1000))
            {
                foreach (var a in await db.DpAccounts.AsNoTracking().Where(a => chunk.Contains(a.Reference)).ToListAsync(ct))
                {
                    accounts[a.Reference] = a;
                }
            }
        }
        var lineAccounts = new Guid[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!namesAccounts)
            {
                lineAccounts[i] = single!.Id;
            }
            else if (!accounts.TryGetValue(line.AccountReference!, out var account))
            {
                AddCapped(problems, $"line {line.LineNumber}: no direct payment account has the reference \"{line.AccountReference}\"");
            }
            else if (single is not null && account.Id != single.Id)
            {
                AddCapped(problems, $"line {line.LineNumber}: the line is for account {line.AccountReference}, not {single.Reference}, the account chosen");
            }
            else
            {
                lineAccounts[i] = account.Id;
            }
        }
        if (problems.Count > 0)
        {
            var total = lines.Count(l => namesAccounts && (!accounts.TryGetValue(l.AccountReference!, out var a) || (single is not null && a.Id != single.Id)));
            return await RejectAsync(record, problems, Math.Max(total, problems.Count), lineCount, ct);
        }
        if (single is not null)
        {
            record.AccountId = single.Id;
        }
        var accountIds = lineAccounts.Distinct().ToList();
        var personByAccount = namesAccounts ? accounts.Values.ToDictionary(a => a.Id, a => a.PersonId) : new Dictionary<Guid, Guid> { [single!.Id] = single.PersonId };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            // One import at a time per council for the dedup check and the write (SQLite: one writer at a time anyway).
            var key = BitConverter.ToInt32(record.CouncilId.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4004, {key})", ct);
        }
        // Another import of the same file may have finished while this one waited.
        if (await FirstImportAsync(record.FileSha256, ct) is { } raced)
        {
            await transaction.RollbackAsync(ct);
            return AlreadyDone(raced);
        }
        var from = lines.Count == 0 ? DateOnly.MinValue : lines.Min(l => l.Date);
        var to = lines.Count == 0 ? DateOnly.MinValue : lines.Max(l => l.Date);
        var existing = await ExistingKeysAsync(accountIds, from, to, ct);
        var references = await PaymentReferencesAsync(accountIds, ct);
        var matcher = new CategoryMatcher(await db.CategoryRules.AsNoTracking().ToListAsync(ct));

        var entries = new List<LedgerEntry>(lines.Count);
        var occurrences = new Dictionary<(Guid, DateOnly, long, string), int>();
        var now = money.Now;
        int duplicates = 0, matched = 0;
        long moneyOut = 0, moneyIn = 0;
        var kinds = new LineKind[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var accountId = lineAccounts[i];
            var description = StatementValues.Normalise(line.Description);
            var payee = StatementValues.Payee(line.Payee, line.Description);
            var kind = LineRules.Classify(line.SignedPence, payee is null || line.Payee is null ? description : description + " " + payee,
                references.TryGetValue(accountId, out var refs) ? refs : []);
            kinds[i] = kind;
            long dedup;
            if (line.TransactionId is { } id)
            {
                dedup = DedupKeys.ForTransaction(accountId, id);
            }
            else
            {
                var identity = (accountId, line.Date, line.SignedPence, description);
                occurrences.TryGetValue(identity, out var n);
                occurrences[identity] = n + 1;
                dedup = DedupKeys.ForLine(accountId, line.Date, line.SignedPence, description, n);
            }
            if (kind == LineKind.CouncilPayment)
            {
                matched++;
                continue;
            }
            if (!existing.Add(dedup))
            {
                duplicates++;
                continue;
            }
            var (debit, credit) = LineRules.Books(kind)!.Value;
            var amount = Math.Abs(line.SignedPence);
            if (line.SignedPence < 0)
            {
                moneyOut += amount;
            }
            else
            {
                moneyIn += amount;
            }
            entries.Add(new LedgerEntry
            {
                CouncilId = record.CouncilId,
                AccountId = accountId,
                Debit = debit,
                Credit = credit,
                AmountPence = amount,
                OccurredOn = line.Date,
                Source = source,
                SourceId = record.Id,
                LineNumber = line.LineNumber,
                DedupKey = dedup,
                ExternalId = line.TransactionId,
                Description = line.Description,
                Payee = payee,
                Category = LineRules.HasCategory(kind) ? matcher.Match(payee, description) : null,
                StatementBalancePence = line.BalancePence,
                RecordedAt = now,
            });
        }

        var disagreements = await ReconcileAsync(lines, lineAccounts, ct);
        await LedgerBulkWriter.WriteAsync(db, entries, ct, AfterEachRowWritten);

        record.Status = ImportStatus.Accepted;
        record.LineCount = lineCount;
        record.AddedCount = entries.Count;
        record.DuplicateCount = duplicates;
        record.MatchedPaymentCount = matched;
        record.BalanceDisagreements = disagreements.Count;
        record.Report = disagreements.Count == 0 ? null
            : string.Join('\n', disagreements.Take(StatementReader.MaxListedProblems).Select(d => d.ToString()))
              + (disagreements.Count > StatementReader.MaxListedProblems ? string.Create(CultureInfo.InvariantCulture, $"\nand {disagreements.Count - StatementReader.MaxListedProblems:N0} more") : "");
        db.StatementImports.Add(record);
        db.RecordAudit("statements.imported", nameof(StatementImport), record.Id.ToString(),
            accountIds.Count == 1 && personByAccount.TryGetValue(accountIds[0], out var person) ? person : null,
            details: string.Create(CultureInfo.InvariantCulture,
                $"{record.FileName} ({record.ColumnMapName}): {lineCount:N0} lines, {entries.Count:N0} added ({new Money(moneyOut)} out, {new Money(moneyIn)} in), {duplicates:N0} already in the ledger, {matched:N0} council payments matched, {disagreements.Count:N0} balance disagreements"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportOutcome(record, lineCount, entries.Count, duplicates, matched, [], 0, disagreements, AlreadyImported: false, moneyOut, moneyIn);
    }

    private static void AddCapped(List<string> problems, string problem)
    {
        if (problems.Count < StatementReader.MaxListedProblems)
        {
            problems.Add(problem);
        }
    }

    /// <summary>
    /// The dedup keys already in the ledger for these accounts and dates, leaving out lines whose
    /// entries were reversed (so a reversed import can be imported again).
    /// </summary>
    private async Task<HashSet<long>> ExistingKeysAsync(List<Guid> accountIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var keys = new HashSet<long>();
        foreach (var chunk in accountIds.Chunk(500))
        {
            var reversed = db.LedgerEntries.Where(r => r.ReversesEntryId != null && chunk.Contains(r.AccountId)).Select(r => r.ReversesEntryId!.Value);
            var found = await db.LedgerEntries
                .Where(e => chunk.Contains(e.AccountId) && e.OccurredOn >= from && e.OccurredOn <= to && e.DedupKey != null && !reversed.Contains(e.Id))
                .Select(e => e.DedupKey!.Value).ToListAsync(ct);
            keys.UnionWith(found);
        }
        return keys;
    }

    /// <summary>The payment references of confirmed council payments into these accounts.</summary>
    private async Task<Dictionary<Guid, List<string>>> PaymentReferencesAsync(List<Guid> accountIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, List<string>>();
        foreach (var chunk in accountIds.Chunk(500))
        {
            var rows = await (from l in db.PaymentRunLines
                              join r in db.PaymentRuns on l.RunId equals r.Id
                              where r.Status == PaymentRunStatus.Confirmed && chunk.Contains(l.AccountId)
                              select new { l.AccountId, l.PaymentReference }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!result.TryGetValue(row.AccountId, out var list))
                {
                    result[row.AccountId] = list = [];
                }
                list.Add(row.PaymentReference);
            }
        }
        return result;
    }

    /// <summary>Compares the file's running balances with the ledger's wallet balance, account by account.</summary>
    private async Task<List<BalanceDisagreement>> ReconcileAsync(IReadOnlyList<StatementLine> lines, Guid[] lineAccounts, CancellationToken ct)
    {
        var found = new List<BalanceDisagreement>();
        var byAccount = new Dictionary<Guid, List<StatementLine>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!byAccount.TryGetValue(lineAccounts[i], out var list))
            {
                byAccount[lineAccounts[i]] = list = [];
            }
            list.Add(lines[i]);
        }
        foreach (var (accountId, accountLines) in byAccount)
        {
            if (!accountLines.Any(l => l.BalancePence is not null))
            {
                continue;
            }
            // Many exports list the newest line first; reconcile in date order either way.
            if (accountLines[0].Date > accountLines[^1].Date)
            {
                accountLines.Reverse();
            }
            var first = accountLines[0].Date;
            var into = await db.LedgerEntries.Where(e => e.AccountId == accountId && e.OccurredOn < first && e.Debit == LedgerBook.Wallet).SumAsync(e => (long?)e.AmountPence, ct) ?? 0;
            var outOf = await db.LedgerEntries.Where(e => e.AccountId == accountId && e.OccurredOn < first && e.Credit == LedgerBook.Wallet).SumAsync(e => (long?)e.AmountPence, ct) ?? 0;
            found.AddRange(Reconciliation.Check(into - outOf, accountLines));
        }
        return [.. found.OrderBy(d => d.LineNumber)];
    }
}
