using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectPayments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoneyMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "concern_flag_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "employs_personal_assistant_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "enhanced_from_score",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "large_budget_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "large_budget_weekly_pence",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "medium_budget_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "medium_budget_weekly_pence",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "new_arrangement_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "no_action_flag_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "oversight_base_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "own_bank_account_points",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "standard_from_score",
                table: "monitoring_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "opening",
                table: "money_flags",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "monitoring_totals",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    wallet_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    outflow_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    contributions_pence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_totals", x => x.account_id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_watermarks",
                columns: table => new
                {
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    last_entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_watermarks", x => x.council_id);
                    table.ForeignKey(
                        name: "fk_monitoring_watermarks_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_totals_council_id",
                table: "monitoring_totals",
                column: "council_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_totals");

            migrationBuilder.DropTable(
                name: "monitoring_watermarks");

            migrationBuilder.DropColumn(
                name: "concern_flag_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "employs_personal_assistant_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "enhanced_from_score",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "large_budget_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "large_budget_weekly_pence",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "medium_budget_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "medium_budget_weekly_pence",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "new_arrangement_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "no_action_flag_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "oversight_base_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "own_bank_account_points",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "standard_from_score",
                table: "monitoring_settings");

            migrationBuilder.DropColumn(
                name: "opening",
                table: "money_flags");
        }
    }
}
