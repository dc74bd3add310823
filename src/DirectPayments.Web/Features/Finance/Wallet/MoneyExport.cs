using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

public sealed record ExportAccount(Guid Id, string Reference, string Kind, string HolderName, string PersonReference, string PersonName,
    DateOnly OpenedOn, DateOnly? ClosedOn, long WalletBalancePence, long CashBalancePence);

public sealed record ExportSchedule(Guid Id, DateOnly StartsOn, DateOnly? EndsOn, string Frequency, string Basis, long WeeklyBudgetPence,
    long WeeklyContributionPence, long OneOffPence);

public sealed record ExportPayment(Guid Id, string RunReference, string RunStatus, DateOnly PayOn, DateOnly DueOn, DateOnly PeriodEndsOn,
    string Kind, long AmountPence, string PaymentReference);

public sealed record ExportEntry(long Id, DateOnly OccurredOn, string Debit, string Credit, long AmountPence, string Source, Guid SourceId,
    int LineNumber, string Description, string? Payee, string? Category, string? ExternalId, long? StatementBalancePence, long? ReversesEntryId,
    DateTime RecordedAt);

public sealed record ExportNote(Guid Id, long EntryId, string? Category, string? Explanation, string ByName, DateTime At);

public sealed record ExportReceipt(Guid Id, DateOnly SpentOn, long AmountPence, string Category, string Description, bool PaidInCash,
    string? FileName, string? ContentType, int? FileBytes, DateTime RecordedAt);

public sealed record ExportFlag(Guid Id, string Kind, DateOnly RaisedOn, string Facts, string Status, string? Outcome, string? OutcomeNotes,
    DateTime? ResolvedAt);

public sealed record ExportReclaim(Guid Id, long AmountPence, string Basis, DateOnly? AgreedOn, string? AgreementDetails, string? DecisionReasons,
    string? ChallengeRoute, int Instalments, DateTime RecordedAt);

/// <summary>
/// A person's whole money record (issue #4, item 10), so they or the council can move to another
/// provider. <c>docs/money.md</c> ("Export format") documents the shape; version 1.
/// </summary>
public sealed record MoneyExportDocument(int FormatVersion, DateTime ExportedAt, ExportAccount Account, IReadOnlyList<ExportSchedule> Schedules,
    IReadOnlyList<ExportPayment> Payments, IReadOnlyList<ExportEntry> Entries, IReadOnlyList<ExportNote> Notes, IReadOnlyList<ExportReceipt> Receipts,
    IReadOnlyList<ExportFlag> Flags, IReadOnlyList<ExportReclaim> Reclaims);

/// <summary>Builds the person-level export and writes it as JSON or CSV, with an audit entry.</summary>
public sealed class MoneyExport(DpDbContext db, MoneyActions money)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The CSV's columns, in order; each row is one record, named in the first column.</summary>
    public static readonly string[] CsvColumns =
        ["record", "id", "date", "amount_pence", "amount", "from_book", "to_book", "category", "description", "source", "source_id", "reference", "details"];

    public async Task<MoneyExportDocument> BuildAsync(DpAccount account, string channel)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = account.Id;
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == id).OrderBy(e => e.Id).ToListAsync();
        var person = await db.People.AsNoTracking().Where(p => p.Id == account.PersonId)
            .Select(p => new { p.Reference, Name = p.GivenName + " " + p.FamilyName }).SingleAsync();
        var schedules = await db.PaymentSchedules.AsNoTracking().Where(s => s.AccountId == id).OrderBy(s => s.StartsOn).ToListAsync();
        var payments = await db.PaymentRunLines.AsNoTracking().Where(l => l.AccountId == id)
            .Join(db.PaymentRuns, l => l.RunId, r => r.Id, (l, r) => new { Line = l, r.Reference, r.Status, r.PayOn })
            .ToListAsync();
        var notes = await db.EntryNotes.AsNoTracking().Where(n => n.AccountId == id).OrderBy(n => n.At).ToListAsync();
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.SpentOn)
            .Select(r => new ExportReceipt(r.Id, r.SpentOn, r.AmountPence, r.Category.ToString(), r.Description, r.PaidInCash, r.FileName, r.ContentType,
                r.Content == null ? null : r.Content.Length, r.RecordedAt))
            .ToListAsync();
        var flags = await db.MoneyFlags.AsNoTracking().Where(f => f.AccountId == id).OrderBy(f => f.RaisedOn).ToListAsync();
        var reclaims = await db.Reclaims.AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.RecordedAt).ToListAsync();
        db.RecordAudit("money.exported", nameof(DpAccount), id.ToString(), account.PersonId,
            details: string.Create(CultureInfo.InvariantCulture, $"{channel}: {entries.Count} ledger entries"));
        await db.SaveChangesAsync();
        return new MoneyExportDocument(1, money.Now,
            new ExportAccount(id, account.Reference, account.Kind.ToString(), account.HolderName, person.Reference, person.Name, account.OpenedOn,
                account.ClosedOn, LedgerRules.Balance(entries, LedgerBook.Wallet).Pence, LedgerRules.Balance(entries, LedgerBook.Cash).Pence),
            [.. schedules.Select(s => new ExportSchedule(s.Id, s.StartsOn, s.EndsOn, s.Frequency.ToString(), s.Basis.ToString(), s.WeeklyBudgetPence,
                s.WeeklyContributionPence, s.OneOffPence))],
            [.. payments.OrderBy(p => p.Line.DueOn).ThenBy(p => p.Line.Kind).Select(p => new ExportPayment(p.Line.Id, p.Reference, p.Status.ToString(), p.PayOn,
                p.Line.DueOn, p.Line.PeriodEndsOn, p.Line.Kind.ToString(), p.Line.AmountPence, p.Line.PaymentReference))],
            [.. entries.Select(e => new ExportEntry(e.Id, e.OccurredOn, e.Debit.ToString(), e.Credit.ToString(), e.AmountPence, e.Source.ToString(),
                e.SourceId, e.LineNumber, e.Description, e.Payee, e.Category?.ToString(), e.ExternalId, e.StatementBalancePence, e.ReversesEntryId, e.RecordedAt))],
            [.. notes.Select(n => new ExportNote(n.Id, n.EntryId, n.Category?.ToString(), n.Explanation, n.ByName, n.At))],
            receipts,
            [.. flags.Select(f => new ExportFlag(f.Id, f.Kind.ToString(), f.RaisedOn, f.Facts, f.Status.ToString(), f.Outcome?.ToString(), f.OutcomeNotes, f.ResolvedAt))],
            [.. reclaims.Select(r => new ExportReclaim(r.Id, r.AmountPence, r.Basis.ToString(), r.AgreedOn, r.AgreementDetails, r.DecisionReasons,
                r.ChallengeRoute, r.Instalments, r.RecordedAt))]);
    }

    /// <summary>The export as UTF-8 CSV (with a byte order mark, so spreadsheets read it as UTF-8): one row per record.</summary>
    public static byte[] ToCsv(MoneyExportDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in CsvColumns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            void Row(string record, string id, DateOnly? date, long? pence, string? from = null, string? to = null, string? category = null,
                string? description = null, string? source = null, string? sourceId = null, string? reference = null, string? details = null)
            {
                string?[] fields = [record, id, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pence?.ToString(CultureInfo.InvariantCulture),
                    pence is { } p ? new Money(p).Pounds.ToString("0.00", CultureInfo.InvariantCulture) : null, from, to, category, description, source,
                    sourceId, reference, details];
                foreach (var field in fields)
                {
                    csv.WriteField(field ?? "");
                }
                csv.NextRecord();
            }
            var a = doc.Account;
            Row("account", a.Id.ToString(), a.OpenedOn, a.WalletBalancePence, description: a.HolderName, reference: a.Reference,
                details: $"kind={a.Kind}; person={a.PersonReference}; closed={a.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; cash_pence={a.CashBalancePence.ToString(CultureInfo.InvariantCulture)}");
            foreach (var s in doc.Schedules)
            {
                Row("schedule", s.Id.ToString(), s.StartsOn, s.WeeklyBudgetPence,
                    details: string.Create(CultureInfo.InvariantCulture,
                        $"frequency={s.Frequency}; basis={s.Basis}; weekly_contribution_pence={s.WeeklyContributionPence}; one_off_pence={s.OneOffPence}; ends={s.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
            }
            foreach (var p in doc.Payments)
            {
                Row("payment", p.Id.ToString(), p.DueOn, p.AmountPence, "Council", "Wallet", reference: p.PaymentReference,
                    details: $"run={p.RunReference}; status={p.RunStatus}; kind={p.Kind}; pay_on={p.PayOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }
            foreach (var e in doc.Entries)
            {
                Row("entry", e.Id.ToString(CultureInfo.InvariantCulture), e.OccurredOn, e.AmountPence, e.Credit, e.Debit, e.Category, e.Description, e.Source,
                    e.SourceId.ToString(), e.ExternalId,
                    string.Create(CultureInfo.InvariantCulture, $"line={e.LineNumber}; payee={e.Payee}; reverses={e.ReversesEntryId}; statement_balance_pence={e.StatementBalancePence}"));
            }
            foreach (var n in doc.Notes)
            {
                Row("note", n.Id.ToString(), DateOnly.FromDateTime(n.At), null, category: n.Category, description: n.Explanation,
                    reference: n.EntryId.ToString(CultureInfo.InvariantCulture), details: $"by={n.ByName}");
            }
            foreach (var r in doc.Receipts)
            {
                Row("receipt", r.Id.ToString(), r.SpentOn, r.AmountPence, r.PaidInCash ? "Cash" : "Wallet", "Spending", r.Category, r.Description,
                    details: string.Create(CultureInfo.InvariantCulture, $"file={r.FileName}; type={r.ContentType}; bytes={r.FileBytes}"));
            }
            foreach (var f in doc.Flags)
            {
                Row("flag", f.Id.ToString(), f.RaisedOn, null, description: f.Facts, source: f.Kind, details: $"status={f.Status}; outcome={f.Outcome}; notes={f.OutcomeNotes}");
            }
            foreach (var r in doc.Reclaims)
            {
                Row("reclaim", r.Id.ToString(), r.AgreedOn, r.AmountPence, "Wallet", "Council", description: r.DecisionReasons ?? r.AgreementDetails,
                    source: r.Basis, details: string.Create(CultureInfo.InvariantCulture, $"instalments={r.Instalments}; challenge={r.ChallengeRoute}"));
            }
        }
        return stream.ToArray();
    }

    /// <summary>The export as indented JSON, camelCase, enums as names.</summary>
    public static byte[] ToJson(MoneyExportDocument doc) => JsonSerializer.SerializeToUtf8Bytes(doc, Json);

    /// <summary>A file name such as money-record-DP-B7KQ2M-2026-11-23.csv.</summary>
    public static string FileName(MoneyExportDocument doc, string extension)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var safe = new string([.. doc.Account.Reference.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
        return string.Create(CultureInfo.InvariantCulture, $"money-record-{safe}-{DateOnly.FromDateTime(doc.ExportedAt):yyyy-MM-dd}.{extension}");
    }
}
