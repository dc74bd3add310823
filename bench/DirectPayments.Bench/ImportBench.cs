using System.Diagnostics;
using System.Globalization;
using DirectPayments.Cli.Generation;
using DirectPayments.Domain.Finance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using static DirectPayments.Bench.BenchSupport;

namespace DirectPayments.Bench;

/// <summary>
/// <c>bench/run import --rows N</c>: the real statement import on PostgreSQL against a plain binary COPY
/// of the same already-parsed rows into a bare table, interleaved, median of 5; then SQLite; then the
/// re-import and the overlapping file, checked against the generator's answers.
/// </summary>
internal static class ImportBench
{
    private const string BaseDb = "dp_bench_import_base";
    private const string RunDb = "dp_bench_import";
    private const string CopyDb = "dp_bench_copy";

    /// <summary>One statement row, parsed, as the COPY baseline writes it.</summary>
    private sealed record ParsedRow(Guid AccountId, LedgerBook Debit, LedgerBook Credit, long Pence, DateOnly On, string ExternalId, string Payee, string Description, long Balance);

    public static async Task<int> RunAsync(string server, string work, long rows, int runs, int sqliteRuns)
    {
        var folder = Path.Combine(work, "import");
        // Enough accounts that a million rows is about seven months of their statements after the run date.
        var options = new GenerateOptions(Math.Max(100, (int)Math.Min(10_000, rows / 100)), 12);
        var answers = await MonitorBench.EnsureGeneratedAsync(server, BaseDb, folder, options, rows);
        var file = Path.Combine(folder, answers.Statement!.File);
        var overlap = Path.Combine(folder, answers.OverlapStatement!.File);
        Say($"Statement file {file}: {answers.Statement.Rows:N0} rows; overlapping file {answers.OverlapStatement.Rows:N0} rows, {answers.OverlapStatement.NewRows:N0} new");

        var parsed = await ParseAsync(server, file);
        Say($"Parsed {parsed.Count:N0} rows for the COPY baseline (parsing is not timed for COPY)");
        var admin = Database(server, "postgres");
        if (!await DatabaseExistsAsync(server, CopyDb))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{CopyDb}\"");
        }
        var copyRates = new List<double>();
        var importRates = new List<double>();
        var importSeconds = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var copy = await CopyAsync(Database(server, CopyDb), parsed);
            copyRates.Add(parsed.Count / copy);
            Say($"Run {i + 1}: COPY {parsed.Count:N0} rows in {copy:F2} s ({parsed.Count / copy:N0} rows/s)");
            if (RealCode.ImporterMissing is null)
            {
                await CopyDatabaseAsync(server, BaseDb, RunDb);
                var (seconds, result) = await ImportOnceAsync("postgres", Database(server, RunDb), file);
                importRates.Add(answers.Statement.Rows / seconds);
                importSeconds.Add(seconds);
                Say($"Run {i + 1}: import {result.Summary} in {seconds:F2} s ({answers.Statement.Rows / seconds:N0} rows/s)");
                if (!result.Accepted || result.Added != answers.Statement.Rows)
                {
                    Say($"  WRONG: expected {answers.Statement.Rows:N0} rows added");
                }
            }
        }
        var copyRate = Median(copyRates);
        Figure("import.postgres.copy_rows_per_s", copyRate, "rows/s", $"binary COPY of {parsed.Count:N0} parsed rows into a bare table, median of {runs}");
        if (RealCode.ImporterMissing is { } missing)
        {
            Say($"Import not measured: {missing}.");
            return 2;
        }
        var importRate = Median(importRates);
        Figure("import.postgres.rows_per_s", importRate, "rows/s", $"median of {runs}");
        Figure("import.postgres.ratio_to_copy", importRate / copyRate, "ratio", "same run, interleaved");

        // Re-import the same file into the last run's database: nothing added.
        var watch = Stopwatch.StartNew();
        var (reSeconds, again) = await ImportOnceAsync("postgres", Database(server, RunDb), file);
        Say($"Re-import: {again.Summary} in {reSeconds:F2} s");
        Figure("reimport.time_ratio", reSeconds / importSeconds[^1], "ratio", $"re-import {reSeconds:F2} s / first import {importSeconds[^1]:F2} s; added {again.Added}");
        var (ovSeconds, ov) = await ImportOnceAsync("postgres", Database(server, RunDb), overlap);
        var twins = await ScalarAsync<long>(Database(server, RunDb), "SELECT count(*) FROM ledger_entries WHERE external_id LIKE '%W'");
        var expectedTwins = answers.Statement.TwinPairs + answers.OverlapStatement.TwinPairs - answers.OverlapStatement.OverlapTwinPairs;
        Say($"Overlapping file: {ov.Summary} in {ovSeconds:F2} s; expected {answers.OverlapStatement.NewRows:N0} added: {(ov.Added == answers.OverlapStatement.NewRows ? "RIGHT" : "WRONG")}; " +
            $"twin second lines in the ledger {twins} (expected {expectedTwins}): {(twins == expectedTwins ? "RIGHT" : "WRONG")}");
        Figure("import.overlap.added_minus_expected", ov.Added - answers.OverlapStatement.NewRows, "rows");

        // SQLite: the same generated accounts in a file, copied fresh for each run.
        var sqliteBase = Path.Combine(folder, "import-base.db");
        if (!File.Exists(sqliteBase))
        {
            Say("Generating the same accounts into SQLite (once)");
            await DpAsync("sqlite", $"Data Source={sqliteBase}", "migrate");
            await DpAsync("sqlite", $"Data Source={sqliteBase}", "generate", "--accounts", options.Accounts.ToString(Invariant), "--months", options.Months.ToString(Invariant), "--database");
            SqliteConnection.ClearAllPools();
        }
        var sqliteRates = new List<double>();
        for (var i = 0; i < sqliteRuns; i++)
        {
            var runFile = Path.Combine(folder, "import-run.db");
            File.Copy(sqliteBase, runFile, overwrite: true);
            var (seconds, result) = await ImportOnceAsync("sqlite", $"Data Source={runFile}", file);
            SqliteConnection.ClearAllPools();
            sqliteRates.Add(answers.Statement.Rows / seconds);
            Say($"SQLite run {i + 1}: {result.Summary} in {seconds:F2} s ({answers.Statement.Rows / seconds:N0} rows/s)");
        }
        Figure("import.sqlite.rows_per_s", Median(sqliteRates), "rows/s", $"median of {sqliteRuns}");
        _ = watch;
        return 0;
    }

    private static async Task<(double Seconds, ImportRunResult Result)> ImportOnceAsync(string provider, string connection, string file)
    {
        await using var app = Host(provider, connection);
        await using var scope = app.Services.CreateAsyncScope();
        var councilId = SyntheticPlan.IdFor(1, 0, 0);
        var watch = Stopwatch.StartNew();
        var result = await RealCode.ImportAsync(scope.ServiceProvider, councilId, file, CancellationToken.None);
        return (watch.Elapsed.TotalSeconds, result);
    }

    /// <summary>Reads the statement file into rows, with each card resolved to its account, the way an importer would before writing.</summary>
    private static async Task<List<ParsedRow>> ParseAsync(string server, string file)
    {
        var accounts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(Database(server, BaseDb)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT reference, id FROM dp_accounts", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                accounts[reader.GetString(0)] = reader.GetGuid(1);
            }
        }
        var list = new List<ParsedRow>(1_000_000);
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var f = line.Split(',');
            var pence = (long)(decimal.Parse(f[5], CultureInfo.InvariantCulture) * 100m);
            var on = DateOnly.ParseExact(f[0], StatementFiles.DateFormat, CultureInfo.InvariantCulture);
            list.Add(new ParsedRow(accounts[f[1]], pence < 0 ? LedgerBook.Spending : LedgerBook.Wallet, pence < 0 ? LedgerBook.Wallet : LedgerBook.Person,
                Math.Abs(pence), on, f[2], f[3], f[4], (long)(decimal.Parse(f[6], CultureInfo.InvariantCulture) * 100m)));
        }
        return list;
    }

    /// <summary>A plain binary COPY of the parsed rows into a bare table with the ledger's columns and no indexes or constraints; returns seconds.</summary>
    private static async Task<double> CopyAsync(string connectionString, List<ParsedRow> rows)
    {
        await ExecuteAsync(connectionString,
            "DROP TABLE IF EXISTS bare_ledger; CREATE TABLE bare_ledger (council_id uuid NOT NULL, account_id uuid NOT NULL, debit smallint NOT NULL, credit smallint NOT NULL, " +
            "amount_pence bigint NOT NULL, occurred_on date NOT NULL, source smallint NOT NULL, source_id uuid NOT NULL, line_number integer NOT NULL, dedup_key bigint, " +
            "external_id varchar(100), description varchar(500) NOT NULL, payee varchar(200), category varchar(40), statement_balance_pence bigint, recorded_at timestamptz NOT NULL)");
        var council = SyntheticPlan.IdFor(1, 0, 0);
        var source = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY bare_ledger (council_id, account_id, debit, credit, amount_pence, occurred_on, source, source_id, line_number, dedup_key, external_id, description, payee, category, statement_balance_pence, recorded_at) FROM STDIN (FORMAT BINARY)");
            var line = 1;
            foreach (var r in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(council, NpgsqlDbType.Uuid);
                await importer.WriteAsync(r.AccountId, NpgsqlDbType.Uuid);
                await importer.WriteAsync((short)r.Debit, NpgsqlDbType.Smallint);
                await importer.WriteAsync((short)r.Credit, NpgsqlDbType.Smallint);
                await importer.WriteAsync(r.Pence, NpgsqlDbType.Bigint);
                await importer.WriteAsync(r.On, NpgsqlDbType.Date);
                await importer.WriteAsync((short)EntrySource.Statement, NpgsqlDbType.Smallint);
                await importer.WriteAsync(source, NpgsqlDbType.Uuid);
                await importer.WriteAsync(++line, NpgsqlDbType.Integer);
                await importer.WriteAsync((long)line * 7919, NpgsqlDbType.Bigint);
                await importer.WriteAsync(r.ExternalId, NpgsqlDbType.Varchar);
                await importer.WriteAsync(r.Description, NpgsqlDbType.Varchar);
                await importer.WriteAsync(r.Payee, NpgsqlDbType.Varchar);
                await importer.WriteNullAsync();
                await importer.WriteAsync(r.Balance, NpgsqlDbType.Bigint);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }
}
