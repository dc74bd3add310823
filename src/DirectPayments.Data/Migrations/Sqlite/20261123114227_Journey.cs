using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectPayments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Journey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocation_tool_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocation_tool_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocation_tool_versions_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "allocation_rate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    age_band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    need_level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    weekly_pence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocation_rate", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocation_rate_allocation_tool_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "allocation_tool_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "arrangements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    route = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    stage_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    enquiry_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    enquiry_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    external_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    assessment_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    eligible_needs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    need_level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    indicative_weekly_pence = table.Column<long>(type: "INTEGER", nullable: true),
                    allocation_tool_version_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payment_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    support_referral_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    support_organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    will_employ_personal_assistant = table.Column<bool>(type: "INTEGER", nullable: false),
                    personal_assistant_starts_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sign_up_visit_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sign_up_checklist_done = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    first_payment_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    review_interval_months = table.Column<int>(type: "INTEGER", nullable: false),
                    suspended_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ended_by = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ending_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    notice_given_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arrangements", x => x.id);
                    table.ForeignKey(
                        name: "fk_arrangements_allocation_tool_versions_allocation_tool_version_id",
                        column: x => x.allocation_tool_version_id,
                        principalTable: "allocation_tool_versions",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_arrangements_councils_council_id",
                        column: x => x.council_id,
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_arrangements_organisations_support_organisation_id",
                        column: x => x.support_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_arrangements_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "arrangement_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_arrangement_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_arrangement_transitions_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suitability_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facts_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reconsideration_requested_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reconsideration_request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    reconsiders_decision_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suitability_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_suitability_decisions_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contingency_plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    circle_of_support = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    can_be_used_for = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    pays_close_family_in_household = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    agreed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    agreed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    agreed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    concurrency_token = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plans_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    booked_for = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    completed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    completed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tasks_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tasks_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "funding_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposed_weekly_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    indicative_weekly_pence = table.Column<long>(type: "INTEGER", nullable: true),
                    sufficiency_reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    contribution_weekly_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    one_off_pence = table.Column<long>(type: "INTEGER", nullable: false),
                    proposed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    proposed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    proposed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decided_weekly_pence = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    by_panel = table.Column<bool>(type: "INTEGER", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_funding_decisions_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_funding_decisions_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_comments_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_costs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    weekly_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    weekly_pence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_costs", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_costs_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    in_their_words = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    how_it_is_met = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_outcomes_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_full_review = table.Column<bool>(type: "INTEGER", nullable: false),
                    what_is_working = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    what_is_not_working = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    changes_agreed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    new_plan_needed = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_reviews_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reviews_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "agreement_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    council_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    arrangement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    funding_decision_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    text_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_versions_arrangements_arrangement_id",
                        column: x => x.arrangement_id,
                        principalTable: "arrangements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agreement_versions_funding_decisions_funding_decision_id",
                        column: x => x.funding_decision_id,
                        principalTable: "funding_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agreement_versions_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agreement_version_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    typed_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    account_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    confirmation = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    signed_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_signatures_agreement_versions_agreement_version_id",
                        column: x => x.agreement_version_id,
                        principalTable: "agreement_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_signatures_agreement_version_id_side",
                table: "agreement_signatures",
                columns: new[] { "agreement_version_id", "side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_arrangement_id_version",
                table: "agreement_versions",
                columns: new[] { "arrangement_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_funding_decision_id",
                table: "agreement_versions",
                column: "funding_decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_plan_id",
                table: "agreement_versions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocation_rate_version_id_age_band_need_level",
                table: "allocation_rate",
                columns: new[] { "version_id", "age_band", "need_level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_allocation_tool_versions_council_id_version",
                table: "allocation_tool_versions",
                columns: new[] { "council_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_arrangement_transitions_arrangement_id_occurred_at",
                table: "arrangement_transitions",
                columns: new[] { "arrangement_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_allocation_tool_version_id",
                table: "arrangements",
                column: "allocation_tool_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_council_id_external_reference",
                table: "arrangements",
                columns: new[] { "council_id", "external_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_council_id_reference",
                table: "arrangements",
                columns: new[] { "council_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_council_id_stage",
                table: "arrangements",
                columns: new[] { "council_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_person_id",
                table: "arrangements",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_arrangements_support_organisation_id",
                table: "arrangements",
                column: "support_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_funding_decisions_arrangement_id_proposed_at",
                table: "funding_decisions",
                columns: new[] { "arrangement_id", "proposed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_funding_decisions_plan_id",
                table: "funding_decisions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_comments_plan_id_posted_at",
                table: "plan_comments",
                columns: new[] { "plan_id", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_costs_plan_id",
                table: "plan_costs",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_outcomes_plan_id",
                table: "plan_outcomes",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_arrangement_id_held_on",
                table: "reviews",
                columns: new[] { "arrangement_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_reviews_task_id",
                table: "reviews",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_suitability_decisions_arrangement_id_recorded_at",
                table: "suitability_decisions",
                columns: new[] { "arrangement_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_arrangement_id_version",
                table: "support_plans",
                columns: new[] { "arrangement_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_arrangement_id_kind",
                table: "tasks",
                columns: new[] { "arrangement_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_council_id_completed_on_due_on",
                table: "tasks",
                columns: new[] { "council_id", "completed_on", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_person_id",
                table: "tasks",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_team_id",
                table: "tasks",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_signatures");

            migrationBuilder.DropTable(
                name: "allocation_rate");

            migrationBuilder.DropTable(
                name: "arrangement_transitions");

            migrationBuilder.DropTable(
                name: "plan_comments");

            migrationBuilder.DropTable(
                name: "plan_costs");

            migrationBuilder.DropTable(
                name: "plan_outcomes");

            migrationBuilder.DropTable(
                name: "reviews");

            migrationBuilder.DropTable(
                name: "suitability_decisions");

            migrationBuilder.DropTable(
                name: "agreement_versions");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "funding_decisions");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "arrangements");

            migrationBuilder.DropTable(
                name: "allocation_tool_versions");
        }
    }
}
