using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectPayments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Money : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "category_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contains = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    learned = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "column_maps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    delimiter = table.Column<char>(type: "TEXT", nullable: false),
                    date_format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    date_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    debit_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    credit_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    balance_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    transaction_id_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    account_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    payee_column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_column_maps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dp_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sort_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    account_number = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dp_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_dp_accounts_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dp_accounts_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    slot = table.Column<DateTime>(type: "TEXT", nullable: false),
                    node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    debit = table.Column<short>(type: "INTEGER", nullable: false),
                    credit = table.Column<short>(type: "INTEGER", nullable: false),
                    amount_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<short>(type: "INTEGER", nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    dedup_key = table.Column<long>(type: "INTEGER", nullable: true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    payee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    statement_balance_pence = table.Column<long>(type: "INTEGER", nullable: true),
                    reverses_entry_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_ledger_entries_amount_positive", "amount_pence > 0");
                    table.CheckConstraint("ck_ledger_entries_two_books", "debit <> credit");
                });

            migrationBuilder.CreateTable(
                name: "monitoring_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    contingency_weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    no_spending_days = table.Column<int>(type: "INTEGER", nullable: false),
                    contribution_periods_missed = table.Column<int>(type: "INTEGER", nullable: false),
                    outside_plan_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicate_minimum_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicate_within_days = table.Column<int>(type: "INTEGER", nullable: false),
                    audit_sample_per_mille = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_settings_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    pay_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_samples",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    chosen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    audited_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_samples", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_samples_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_entry_notes_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "money_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    raised_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    facts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    settings_version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    outcome_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    resolved_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    resolved_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_money_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_money_flags_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_money_flags_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_money_flags_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "payment_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    funding_decision_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    weekly_budget_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    weekly_contribution_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    one_off_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_schedules", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_schedules_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_schedules_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_schedules_funding_decisions_funding_decision_id",
                        column: x => x.funding_decision_id,
                        principalTable: "funding_decisions",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    spent_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    paid_in_cash = table.Column<bool>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => x.id);
                    table.ForeignKey(
                        name: "fk_receipts_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statement_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    column_map_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
                    added_count = table.Column<int>(type: "INTEGER", nullable: false),
                    duplicate_count = table.Column<int>(type: "INTEGER", nullable: false),
                    matched_payment_count = table.Column<int>(type: "INTEGER", nullable: false),
                    report = table.Column<string>(type: "TEXT", nullable: true),
                    balance_disagreements = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    imported_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_statement_imports_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "reclaims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    flag_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    agreement_details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    agreed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decision_reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    challenge_route = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    notice_given_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    instalments = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_reclaims_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reclaims_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reclaims_money_flags_flag_id",
                        column: x => x.flag_id,
                        principalTable: "money_flags",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "payment_run_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    schedule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_run_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_dp_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "dp_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_payment_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "payment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_run_lines_payment_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "payment_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_samples_account_id",
                table: "audit_samples",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_samples_council_id_month_account_id",
                table: "audit_samples",
                columns: new[] { "council_id", "month", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_category_rules_council_id_contains",
                table: "category_rules",
                columns: new[] { "council_id", "contains" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_column_maps_council_id_name",
                table: "column_maps",
                columns: new[] { "council_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dp_accounts_arrangement_id",
                table: "dp_accounts",
                column: "arrangement_id");

            migrationBuilder.CreateIndex(
                name: "ix_dp_accounts_council_id_reference",
                table: "dp_accounts",
                columns: new[] { "council_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dp_accounts_person_id",
                table: "dp_accounts",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_entry_notes_account_id_entry_id",
                table: "entry_notes",
                columns: new[] { "account_id", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_job_slot",
                table: "job_runs",
                columns: new[] { "job", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_account_id_occurred_on",
                table: "ledger_entries",
                columns: new[] { "account_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_source_id",
                table: "ledger_entries",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_money_flags_account_id_kind_status",
                table: "money_flags",
                columns: new[] { "account_id", "kind", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_money_flags_arrangement_id",
                table: "money_flags",
                column: "arrangement_id");

            migrationBuilder.CreateIndex(
                name: "ix_money_flags_council_id_status_raised_on",
                table: "money_flags",
                columns: new[] { "council_id", "status", "raised_on" });

            migrationBuilder.CreateIndex(
                name: "ix_money_flags_task_id",
                table: "money_flags",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_settings_council_id_version",
                table: "monitoring_settings",
                columns: new[] { "council_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_account_id",
                table: "payment_run_lines",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_arrangement_id_due_on_kind",
                table: "payment_run_lines",
                columns: new[] { "arrangement_id", "due_on", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_run_id_line_number",
                table: "payment_run_lines",
                columns: new[] { "run_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_lines_schedule_id",
                table: "payment_run_lines",
                column: "schedule_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_council_id_idempotency_key",
                table: "payment_runs",
                columns: new[] { "council_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_council_id_pay_on",
                table: "payment_runs",
                columns: new[] { "council_id", "pay_on" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_council_id_reference",
                table: "payment_runs",
                columns: new[] { "council_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_schedules_account_id",
                table: "payment_schedules",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_schedules_arrangement_id_starts_on",
                table: "payment_schedules",
                columns: new[] { "arrangement_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_schedules_funding_decision_id",
                table: "payment_schedules",
                column: "funding_decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_account_id_spent_on",
                table: "receipts",
                columns: new[] { "account_id", "spent_on" });

            migrationBuilder.CreateIndex(
                name: "ix_reclaims_account_id",
                table: "reclaims",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_reclaims_arrangement_id",
                table: "reclaims",
                column: "arrangement_id");

            migrationBuilder.CreateIndex(
                name: "ix_reclaims_flag_id",
                table: "reclaims",
                column: "flag_id");

            migrationBuilder.CreateIndex(
                name: "ix_statement_imports_account_id",
                table: "statement_imports",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_statement_imports_council_id_file_sha256",
                table: "statement_imports",
                columns: new[] { "council_id", "file_sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_statement_imports_council_id_imported_at",
                table: "statement_imports",
                columns: new[] { "council_id", "imported_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_samples");

            migrationBuilder.DropTable(
                name: "category_rules");

            migrationBuilder.DropTable(
                name: "column_maps");

            migrationBuilder.DropTable(
                name: "entry_notes");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "monitoring_settings");

            migrationBuilder.DropTable(
                name: "payment_run_lines");

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropTable(
                name: "reclaims");

            migrationBuilder.DropTable(
                name: "statement_imports");

            migrationBuilder.DropTable(
                name: "payment_runs");

            migrationBuilder.DropTable(
                name: "payment_schedules");

            migrationBuilder.DropTable(
                name: "money_flags");

            migrationBuilder.DropTable(
                name: "dp_accounts");
        }
    }
}
