using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Data.Finance;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>What a reversal did, or why it was refused.</summary>
public sealed record ReversalOutcome(int Reversed, long TotalPence, string? Problem, Guid? ReversalId);

/// <summary>
/// Corrects the ledger without changing it (issue #4, item 3): finance reverses one entry or every
/// entry of an accepted import by writing reversing entries, with a reason, in one transaction with
/// one audit entry. The audit entry's record id is the reversal's id, which the reversing entries
/// carry as their source id, so each one is traceable. After an import is reversed the same file can
/// be imported again.
/// </summary>
public sealed class LedgerReversals(DpDbContext db, MoneyActions money)
{
    /// <summary>The record type of the audit entry a reversal writes; its record id is the reversal id.</summary>
    public const string RecordType = "LedgerReversal";

    /// <summary>Reverses every entry of an import that is not already reversed, and marks the import reversed.</summary>
    public async Task<ReversalOutcome> ReverseImportAsync(Guid importId, string? reason, Who by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReversalOutcome(0, 0, "Enter why the import is being reversed", null);
        }
        var import = await db.StatementImports.FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null)
        {
            return new ReversalOutcome(0, 0, "The import was not found", null);
        }
        if (import.Status != ImportStatus.Accepted)
        {
            return new ReversalOutcome(0, 0, import.Status == ImportStatus.Rejected
                ? "A rejected import posted nothing, so there is nothing to reverse"
                : "This import has already been reversed", null);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(import.CouncilId, ct);
        var reversed = db.LedgerEntries.Where(r => r.ReversesEntryId != null).Select(r => r.ReversesEntryId!.Value);
        var originals = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SourceId == importId && e.Source != EntrySource.Reversal && !reversed.Contains(e.Id))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var reversalId = money.NewId();
        var why = reason.Trim();
        var entries = originals.Select(e => LedgerRules.Reverse(e, reversalId, e.LineNumber, money.Today, money.Now, Cut(why))).ToList();
        await LedgerBulkWriter.WriteAsync(db, entries, ct);
        import.Status = ImportStatus.Reversed;
        var total = entries.Sum(e => e.AmountPence);
        db.RecordAudit("statements.reversed", RecordType, reversalId.ToString(), import.AccountId is null ? null : await PersonAsync(import.AccountId.Value, ct), why,
            string.Create(CultureInfo.InvariantCulture, $"Import {import.Id} ({import.FileName}): {entries.Count:N0} entries reversed, {new Money(total)} in all"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReversalOutcome(entries.Count, total, null, reversalId);
    }

    /// <summary>Reverses one entry, if it is not a reversal itself and has not been reversed already.</summary>
    public async Task<ReversalOutcome> ReverseEntryAsync(long entryId, string? reason, Who by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReversalOutcome(0, 0, "Enter why the entry is being reversed", null);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var original = await db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (original is null)
        {
            return new ReversalOutcome(0, 0, "The entry was not found", null);
        }
        await LockAsync(original.CouncilId, ct);
        if (original.Source == EntrySource.Reversal)
        {
            return new ReversalOutcome(0, 0, "This entry is itself a correction and cannot be reversed", null);
        }
        if (await db.LedgerEntries.AnyAsync(r => r.ReversesEntryId == entryId, ct))
        {
            return new ReversalOutcome(0, 0, "This entry has already been reversed", null);
        }
        var reversalId = money.NewId();
        var why = reason.Trim();
        var entry = LedgerRules.Reverse(original, reversalId, original.LineNumber, money.Today, money.Now, Cut(why));
        await LedgerBulkWriter.WriteAsync(db, [entry], ct);
        db.RecordAudit("ledger.entry-reversed", RecordType, reversalId.ToString(), await PersonAsync(original.AccountId, ct), why,
            string.Create(CultureInfo.InvariantCulture, $"Entry {original.Id} ({original.Description}, {new Money(original.AmountPence)}, {original.OccurredOn:yyyy-MM-dd}) reversed"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReversalOutcome(1, original.AmountPence, null, reversalId);
    }

    private async Task LockAsync(Guid councilId, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            var key = BitConverter.ToInt32(councilId.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4004, {key})", ct);
        }
    }

    private async Task<Guid?> PersonAsync(Guid accountId, CancellationToken ct) =>
        await db.DpAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(ct);

    private static string Cut(string why) => why.Length > 400 ? why[..400] : why;
}
