using System.Globalization;
using DirectPayments.Domain.Finance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DirectPayments.Data.Finance;

/// <summary>
/// Writes many ledger entries fast, inside the caller's EF transaction, without change tracking
/// (issue #4, item 3). PostgreSQL: one binary COPY into <c>ledger_entries</c>. SQLite: one prepared
/// INSERT reused for every row. Entries are checked with <see cref="LedgerRules.Problem"/> first,
/// and the table's check constraints refuse a bad row either way, failing the whole transaction.
/// </summary>
public static class LedgerBulkWriter
{
    private const string Columns =
        "council_id, account_id, debit, credit, amount_pence, occurred_on, source, source_id, line_number, dedup_key, external_id, description, payee, category, statement_balance_pence, reverses_entry_id, recorded_at";

    /// <summary>
    /// Writes the entries in the context's current transaction (one must be open). <paramref name="afterEach"/>
    /// is called after each row is written (tests use it to simulate a crash part way).
    /// </summary>
    public static async Task WriteAsync(DpDbContext db, IEnumerable<LedgerEntry> entries, CancellationToken ct, Action<int>? afterEach = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Ledger entries are written in the caller's transaction; begin one first.");
        var connection = db.Database.GetDbConnection();
        if (db.IsPostgres)
        {
            await WritePostgresAsync((NpgsqlConnection)connection, entries, afterEach, ct);
        }
        else
        {
            await WriteSqliteAsync((SqliteConnection)connection, (SqliteTransaction)transaction, entries, afterEach, ct);
        }
    }

    private static void Check(LedgerEntry entry)
    {
        if (LedgerRules.Problem(entry) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, IEnumerable<LedgerEntry> entries, Action<int>? afterEach, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY ledger_entries ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        var written = 0;
        foreach (var e in entries)
        {
            Check(e);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(e.CouncilId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.AccountId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync((short)e.Debit, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync((short)e.Credit, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(e.AmountPence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.OccurredOn, NpgsqlDbType.Date, ct);
            await copy.WriteAsync((short)e.Source, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(e.SourceId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.LineNumber, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(copy, e.DedupKey, NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(copy, e.ExternalId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(e.Description, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, e.Payee, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, e.Category?.ToString(), NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, e.StatementBalancePence, NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(copy, e.ReversesEntryId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(DateTime.SpecifyKind(e.RecordedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
            written++;
            afterEach?.Invoke(written);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);

    private static async Task WriteSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<LedgerEntry> entries,
        Action<int>? afterEach, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO ledger_entries ({Columns}) VALUES (@c0, @c1, @c2, @c3, @c4, @c5, @c6, @c7, @c8, @c9, @c10, @c11, @c12, @c13, @c14, @c15, @c16)";
        var p = new SqliteParameter[17];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = command.CreateParameter();
            p[i].ParameterName = "@c" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p[i]);
        }
        command.Prepare();
        var written = 0;
        foreach (var e in entries)
        {
            ct.ThrowIfCancellationRequested();
            Check(e);
            // The same text forms EF Core's SQLite provider writes, so queries through EF find these rows.
            p[0].Value = e.CouncilId.ToString().ToUpperInvariant();
            p[1].Value = e.AccountId.ToString().ToUpperInvariant();
            p[2].Value = (short)e.Debit;
            p[3].Value = (short)e.Credit;
            p[4].Value = e.AmountPence;
            p[5].Value = e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[6].Value = (short)e.Source;
            p[7].Value = e.SourceId.ToString().ToUpperInvariant();
            p[8].Value = e.LineNumber;
            p[9].Value = (object?)e.DedupKey ?? DBNull.Value;
            p[10].Value = (object?)e.ExternalId ?? DBNull.Value;
            p[11].Value = e.Description;
            p[12].Value = (object?)e.Payee ?? DBNull.Value;
            p[13].Value = (object?)e.Category?.ToString() ?? DBNull.Value;
            p[14].Value = (object?)e.StatementBalancePence ?? DBNull.Value;
            p[15].Value = (object?)e.ReversesEntryId ?? DBNull.Value;
            p[16].Value = e.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync(ct);
            written++;
            afterEach?.Invoke(written);
        }
    }
}
