using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace DirectPayments.Cli.Generation;

/// <summary>What a generation wrote: counts, the answers it knows, and a hash of every ledger row.</summary>
public sealed record GenerationResult(int Councils, int Accounts, long Entries, int TwinPairs, IReadOnlyList<PlantedFlag> Planted, string LedgerSha256);

/// <summary>One planted flag: the account (by its statement reference) and the only flag it should raise.</summary>
public sealed record PlantedFlag(string AccountReference, string ArrangementReference, FlagKind Kind);

/// <summary>
/// Writes generated councils, people, Active arrangements with agreed plans, accounts, schedules and
/// ledger entries straight into a migrated database, without EF change tracking: binary COPY on
/// PostgreSQL, one prepared INSERT per table in a transaction on SQLite.
/// </summary>
public sealed class GeneratedDataWriter(DbConnection connection, GenerateOptions options, TextWriter progress)
{
    private static readonly string[] LedgerColumns =
        ["council_id", "account_id", "debit", "credit", "amount_pence", "occurred_on", "source", "source_id", "line_number", "external_id", "description", "payee", "category", "recorded_at"];

    private readonly bool _postgres = connection is NpgsqlConnection;

    /// <summary>The councils' ids, in order; a council's slug is generated-NN.</summary>
    public Guid CouncilId(int council) => SyntheticPlan.IdFor(options.Seed, 0, council);

    /// <summary>Writes everything, refusing a database that already holds generated councils.</summary>
    public async Task<GenerationResult> WriteAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT count(*) FROM councils WHERE slug LIKE 'generated-%'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                throw new InvalidOperationException("This database already holds generated councils (slugs generated-NN). Generate into a fresh, migrated database.");
            }
        }
        var accounts = SyntheticPlan.Accounts(options);
        var runDate = options.RunDate;
        var created = new DateTime(options.HistoryStartsOn.AddDays(-60), new TimeOnly(9, 0), DateTimeKind.Utc);

        await progress.WriteLineAsync($"Writing {options.Councils} councils and {accounts.Count:N0} people, arrangements, plans, accounts and schedules".ToString(CultureInfo.InvariantCulture));
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            await WriteTableAsync(tx, "councils", ["id", "name", "slug", "service_name", "created_at"],
                Enumerable.Range(0, options.Councils).Select(c => new object?[]
                {
                    CouncilId(c), $"Generated Council {c + 1}".ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"generated-{c + 1:D2}"), "Direct payments", created,
                }), cancellationToken);
            await WriteTableAsync(tx, "monitoring_settings",
                ["id", "council_id", "version", "effective_from", "contingency_weeks", "no_spending_days", "contribution_periods_missed", "outside_plan_pence", "duplicate_minimum_pence", "duplicate_within_days", "audit_sample_per_mille", "changed_by_name", "reason", "changed_at"],
                Enumerable.Range(0, options.Councils).Select(c =>
                {
                    var d = new MonitoringSettings { ChangedByName = "dp generate", Reason = "The default thresholds." };
                    return new object?[]
                    {
                        SyntheticPlan.IdFor(options.Seed, 6, c), CouncilId(c), 1, options.HistoryStartsOn.AddDays(-60), d.ContingencyWeeks, d.NoSpendingDays,
                        d.ContributionPeriodsMissed, d.OutsidePlanPence, d.DuplicateMinimumPence, d.DuplicateWithinDays, d.AuditSamplePerMille, d.ChangedByName, d.Reason, created,
                    };
                }), cancellationToken);
            await WriteTableAsync(tx, "people", ["id", "council_id", "reference", "given_name", "family_name", "date_of_birth", "created_at", "version"],
                accounts.Select(a => new object?[]
                {
                    a.PersonId, CouncilId(a.Council), a.PersonReference, a.GivenName, a.FamilyName, new DateOnly(1940, 1, 1).AddDays(a.Index % 20_000), created, a.PersonId,
                }), cancellationToken);
            await WriteTableAsync(tx, "arrangements",
                ["id", "council_id", "person_id", "reference", "stage", "route", "stage_changed_at", "channel", "enquiry_on", "payment_method", "will_employ_personal_assistant", "sign_up_checklist_done", "first_payment_on", "review_interval_months", "created_at", "version"],
                accounts.Select(a => new object?[]
                {
                    a.ArrangementId, CouncilId(a.Council), a.PersonId, a.ArrangementReference, nameof(Stage.Active), nameof(LegalRoute.AdultWithCapacity),
                    new DateTime(a.StartsOn, new TimeOnly(9, 0), DateTimeKind.Utc), nameof(EnquiryChannel.Practitioner), a.StartsOn.AddDays(-90),
                    nameof(PaymentMethod.PrepaymentCard), true, "", a.StartsOn, 12, created, a.ArrangementId,
                }), cancellationToken);
            await WriteTableAsync(tx, "support_plans", ["id", "council_id", "arrangement_id", "version", "status", "pays_close_family_in_household", "created_at", "agreed_at", "agreed_by_name", "concurrency_token"],
                accounts.Select(a => new object?[]
                {
                    a.PlanId, CouncilId(a.Council), a.ArrangementId, 1, nameof(PlanStatus.Agreed), false, created, created, $"{a.GivenName} {a.FamilyName}", a.PlanId,
                }), cancellationToken);
            await WriteTableAsync(tx, "plan_costs", ["id", "plan_id", "order", "category", "description", "weekly_minutes", "weekly_pence"],
                accounts.SelectMany(a => SyntheticPlan.PlanCategories.Select((c, i) => new object?[]
                {
                    SyntheticPlan.IdFor(options.Seed, 7, ((long)a.Index * 8) + i), a.PlanId, i + 1, c.ToString(), c.Label(), 0,
                    c == CostCategory.PersonalAssistant ? a.WeeklyBudgetPence * 55 / 100 : c == CostCategory.Agency ? a.WeeklyBudgetPence * 25 / 100 : a.WeeklyBudgetPence * 10 / 100,
                })), cancellationToken);
            await WriteTableAsync(tx, "dp_accounts", ["id", "council_id", "arrangement_id", "person_id", "kind", "reference", "holder_name", "opened_on", "created_at", "version"],
                accounts.Select(a => new object?[]
                {
                    a.Id, CouncilId(a.Council), a.ArrangementId, a.PersonId, nameof(PaymentMethod.PrepaymentCard), a.Reference, $"{a.GivenName} {a.FamilyName}", a.StartsOn, created, a.Id,
                }), cancellationToken);
            await WriteTableAsync(tx, "payment_schedules",
                ["id", "council_id", "arrangement_id", "account_id", "starts_on", "frequency", "basis", "weekly_budget_pence", "weekly_contribution_pence", "one_off_pence", "created_at", "created_by_name"],
                accounts.Select(a => new object?[]
                {
                    a.ScheduleId, CouncilId(a.Council), a.ArrangementId, a.Id, a.StartsOn, a.Frequency.ToString(), a.Basis.ToString(),
                    a.WeeklyBudgetPence, a.WeeklyContributionPence, a.OneOffPence, created, "dp generate",
                }), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await progress.WriteLineAsync($"Writing the ledger: about {accounts.Count * options.Months * 15L:N0} entries".ToString(CultureInfo.InvariantCulture));
        var ledger = await WriteLedgerAsync(accounts, options.HistoryStartsOn, runDate, cancellationToken);

        var planted = accounts.Where(a => a.Planted is not null)
            .Select(a => new PlantedFlag(a.Reference, a.ArrangementReference, a.Planted!.Value)).ToList();
        return new GenerationResult(options.Councils, accounts.Count, ledger.Entries, accounts.Count(a => a.HasTwin), planted, ledger.Sha256);
    }

    /// <summary>
    /// Adds the entries of the days from <paramref name="from"/> to <paramref name="to"/> to the ledger
    /// for every account (the monitoring benchmark's new day), and then small purchases until
    /// <paramref name="atLeast"/> rows were added; returns the rows added.
    /// </summary>
    public async Task<long> AppendDaysAsync(DateOnly from, DateOnly to, long atLeast, CancellationToken cancellationToken)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        var accounts = SyntheticPlan.Accounts(options);
        var result = await WriteLedgerAsync(accounts, from, to, cancellationToken, atLeast, keepIndexes: true);
        return result.Entries;
    }

    private async Task<(long Entries, string Sha256)> WriteLedgerAsync(IReadOnlyList<SyntheticAccount> accounts, DateOnly from, DateOnly to, CancellationToken cancellationToken, long atLeast = 0, bool keepIndexes = false)
    {
        var runs = new Dictionary<(int Council, int Day), (int Lines, long Total)>();
        var lineNumbers = new Dictionary<Guid, int>();
        var statementLines = new int[options.Councils];
        long count = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashBuffer = new StringBuilder();

        // A big first load is faster without the two indexes; they are built again afterwards.
        var dropIndexes = _postgres && !keepIndexes && accounts.Count >= 50_000;
        if (dropIndexes)
        {
            await ExecuteAsync("DROP INDEX IF EXISTS ix_ledger_entries_account_id_occurred_on; DROP INDEX IF EXISTS ix_ledger_entries_source_id;", cancellationToken);
        }

        await using (var sink = await LedgerSink.OpenAsync(connection, LedgerColumns, cancellationToken))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var account in accounts)
            {
                var councilId = CouncilId(account.Council);
                var entries = SyntheticPlan.Entries(account, from, to, options.RunDate);
                if (atLeast > 0 && account.Planted is null)
                {
                    // Small café purchases on the last day, spread over the clean accounts, to reach the day's row count.
                    var remaining = accounts.Count - account.Index;
                    var needed = atLeast - count - entries.Count;
                    var extra = needed <= 0 ? 0 : (int)Math.Ceiling(needed / (double)Math.Max(1, remaining));
                    for (var i = 0; i < extra; i++)
                    {
                        entries.Add(new SyntheticEntry(LedgerBook.Spending, LedgerBook.Wallet, 100 + (((account.Index * 7) + i) % 200), to, EntrySource.Statement,
                            "CARD PURCHASE CORNER CAFE", "CORNER CAFE", CostCategory.Activities,
                            string.Create(CultureInfo.InvariantCulture, $"F{account.Index:D8}{to.DayNumber:D6}{i:D3}")));
                    }
                }
                foreach (var e in entries)
                {
                    Guid sourceId;
                    int line;
                    switch (e.Source)
                    {
                        case EntrySource.PaymentRun:
                            sourceId = SyntheticPlan.IdFor(options.Seed, 100 + account.Council, e.OccurredOn.DayNumber);
                            runs[(account.Council, e.OccurredOn.DayNumber)] = runs.TryGetValue((account.Council, e.OccurredOn.DayNumber), out var r) ? (r.Lines + 1, r.Total + e.AmountPence) : (1, e.AmountPence);
                            line = runs[(account.Council, e.OccurredOn.DayNumber)].Lines;
                            break;
                        case EntrySource.Statement:
                            sourceId = StatementImportId(account.Council, from);
                            line = ++statementLines[account.Council];
                            break;
                        case EntrySource.Contribution:
                        case EntrySource.Receipt:
                        case EntrySource.Reclaim:
                        case EntrySource.Reversal:
                        case EntrySource.ApiPush:
                        default:
                            sourceId = SyntheticPlan.IdFor(options.Seed, 300, account.Council);
                            line = lineNumbers[sourceId] = lineNumbers.GetValueOrDefault(sourceId) + 1;
                            break;
                    }
                    var recorded = new DateTime(e.OccurredOn, new TimeOnly(18, 0), DateTimeKind.Utc);
                    sink.Write(councilId, account.Id, e, sourceId, line, recorded);
                    HashLine(hashBuffer, account.Reference, e.Debit, e.Credit, e.AmountPence, e.OccurredOn, e.Description, e.Payee, e.Category?.ToString());
                    count++;
                }
                if (hashBuffer.Length > 1 << 20)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(hashBuffer.ToString()));
                    hashBuffer.Clear();
                }
                if ((account.Index + 1) % 25_000 == 0)
                {
                    await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {account.Index + 1:N0} of {accounts.Count:N0} accounts, {count:N0} entries, {count / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0} entries/s"));
                }
            }
            hash.AppendData(Encoding.UTF8.GetBytes(hashBuffer.ToString()));
            await sink.CompleteAsync(cancellationToken);
        }

        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            var imported = new DateTime(to, new TimeOnly(20, 0), DateTimeKind.Utc);
            await WriteTableAsync(tx, "statement_imports",
                ["id", "council_id", "column_map_name", "file_name", "file_sha256", "file_bytes", "channel", "status", "line_count", "added_count", "duplicate_count", "matched_payment_count", "report", "balance_disagreements", "imported_by_name", "imported_at"],
                Enumerable.Range(0, options.Councils).Where(c => statementLines[c] > 0).Select(c => new object?[]
                {
                    StatementImportId(c, from), CouncilId(c), "card-provider", string.Create(CultureInfo.InvariantCulture, $"generated-{from:yyyy-MM-dd}.csv"),
                    Convert.ToHexStringLower(SHA256.HashData(StatementImportId(c, from).ToByteArray())), 0L, nameof(ImportChannel.Cli), nameof(ImportStatus.Accepted),
                    statementLines[c], statementLines[c], 0, 0, "Synthetic statement lines written by dp generate.", 0, "dp generate", imported,
                }), cancellationToken);
            await WriteTableAsync(tx, "payment_runs", ["id", "council_id", "reference", "pay_on", "status", "line_count", "total_pence", "created_by_name", "created_at", "confirmed_at"],
                runs.OrderBy(r => r.Key).Select(r =>
                {
                    var on = DateOnly.FromDayNumber(r.Key.Day);
                    var at = new DateTime(on.AddDays(-3), new TimeOnly(10, 0), DateTimeKind.Utc);
                    return new object?[]
                    {
                        SyntheticPlan.IdFor(options.Seed, 100 + r.Key.Council, r.Key.Day), CouncilId(r.Key.Council), string.Create(CultureInfo.InvariantCulture, $"PR-G{r.Key.Day}"),
                        on, nameof(PaymentRunStatus.Confirmed), r.Value.Lines, r.Value.Total, "dp generate", at, at,
                    };
                }), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        if (dropIndexes)
        {
            await progress.WriteLineAsync("Building the ledger's indexes again");
            await ExecuteAsync("CREATE INDEX ix_ledger_entries_account_id_occurred_on ON ledger_entries (account_id, occurred_on); " +
                "CREATE INDEX ix_ledger_entries_source_id ON ledger_entries (source_id);", cancellationToken);
        }
        await ExecuteAsync(_postgres ? "ANALYZE" : "ANALYZE", cancellationToken);
        return (count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>One ledger row as the data hash sees it; a test rebuilds the hash from the database's rows in id order.</summary>
    public static void HashLine(StringBuilder buffer, string accountReference, LedgerBook debit, LedgerBook credit, long pence, DateOnly on, string description, string? payee, string? category)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Append(accountReference).Append('|').Append((short)debit).Append('|').Append((short)credit).Append('|')
            .Append(pence.ToString(CultureInfo.InvariantCulture)).Append('|').Append(on.DayNumber.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(description).Append('|').Append(payee).Append('|').Append(category).Append('\n');
    }

    /// <summary>The hash of the whole history the options generate, worked out in memory without a database.</summary>
    public static string Hash(GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder();
        foreach (var account in SyntheticPlan.Accounts(options))
        {
            foreach (var e in SyntheticPlan.Entries(account, options.HistoryStartsOn, options.RunDate, options.RunDate))
            {
                HashLine(buffer, account.Reference, e.Debit, e.Credit, e.AmountPence, e.OccurredOn, e.Description, e.Payee, e.Category?.ToString());
            }
            hash.AppendData(Encoding.UTF8.GetBytes(buffer.ToString()));
            buffer.Clear();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Guid StatementImportId(int council, DateOnly from) => SyntheticPlan.IdFor(options.Seed, 200 + council, from.DayNumber);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteTableAsync(DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({quoted}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.WriteRowAsync(cancellationToken, row);
            }
            await importer.CompleteAsync(cancellationToken);
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({quoted}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = SqliteValue(row[i]);
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The value as EF Core's SQLite provider stores it: GUIDs as upper-case text.</summary>
    internal static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };

    /// <summary>Writes ledger rows: binary COPY on PostgreSQL, a prepared INSERT in one transaction per 100,000 rows on SQLite.</summary>
    private abstract class LedgerSink : IAsyncDisposable
    {
        public static async Task<LedgerSink> OpenAsync(DbConnection connection, string[] columns, CancellationToken cancellationToken)
        {
            if (connection is NpgsqlConnection npgsql)
            {
                var importer = await npgsql.BeginBinaryImportAsync($"COPY ledger_entries ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                return new PostgresSink(importer);
            }
            var sink = new SqliteSink((SqliteConnection)connection, columns);
            return sink;
        }

        public abstract void Write(Guid councilId, Guid accountId, SyntheticEntry e, Guid sourceId, int line, DateTime recorded);

        public abstract Task CompleteAsync(CancellationToken cancellationToken);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class PostgresSink(NpgsqlBinaryImporter importer) : LedgerSink
    {
        public override void Write(Guid councilId, Guid accountId, SyntheticEntry e, Guid sourceId, int line, DateTime recorded)
        {
            importer.StartRow();
            importer.Write(councilId, NpgsqlDbType.Uuid);
            importer.Write(accountId, NpgsqlDbType.Uuid);
            importer.Write((short)e.Debit, NpgsqlDbType.Smallint);
            importer.Write((short)e.Credit, NpgsqlDbType.Smallint);
            importer.Write(e.AmountPence, NpgsqlDbType.Bigint);
            importer.Write(e.OccurredOn, NpgsqlDbType.Date);
            importer.Write((short)e.Source, NpgsqlDbType.Smallint);
            importer.Write(sourceId, NpgsqlDbType.Uuid);
            importer.Write(line, NpgsqlDbType.Integer);
            WriteText(e.ExternalId);
            importer.Write(e.Description, NpgsqlDbType.Varchar);
            WriteText(e.Payee);
            WriteText(e.Category?.ToString());
            importer.Write(recorded, NpgsqlDbType.TimestampTz);
        }

        public override async Task CompleteAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

        public override ValueTask DisposeAsync() => importer.DisposeAsync();

        private void WriteText(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Varchar);
            }
        }
    }

    private sealed class SqliteSink : LedgerSink
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private SqliteTransaction _transaction;
        private int _inTransaction;

        public SqliteSink(SqliteConnection connection, string[] columns)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction();
            _command = connection.CreateCommand();
            _command.Transaction = _transaction;
            _command.CommandText = $"INSERT INTO ledger_entries ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
            _command.Prepare();
        }

        public override void Write(Guid councilId, Guid accountId, SyntheticEntry e, Guid sourceId, int line, DateTime recorded)
        {
            _parameters[0].Value = SqliteValue(councilId);
            _parameters[1].Value = SqliteValue(accountId);
            _parameters[2].Value = (short)e.Debit;
            _parameters[3].Value = (short)e.Credit;
            _parameters[4].Value = e.AmountPence;
            _parameters[5].Value = e.OccurredOn;
            _parameters[6].Value = (short)e.Source;
            _parameters[7].Value = SqliteValue(sourceId);
            _parameters[8].Value = line;
            _parameters[9].Value = SqliteValue(e.ExternalId);
            _parameters[10].Value = e.Description;
            _parameters[11].Value = SqliteValue(e.Payee);
            _parameters[12].Value = SqliteValue(e.Category?.ToString());
            _parameters[13].Value = recorded;
            _command.ExecuteNonQuery();
            if (++_inTransaction == 100_000)
            {
                _transaction.Commit();
                _transaction.Dispose();
                _transaction = _connection.BeginTransaction();
                _command.Transaction = _transaction;
                _inTransaction = 0;
            }
        }

        public override Task CompleteAsync(CancellationToken cancellationToken)
        {
            _transaction.Commit();
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            await _command.DisposeAsync();
            await _transaction.DisposeAsync();
        }
    }
}
