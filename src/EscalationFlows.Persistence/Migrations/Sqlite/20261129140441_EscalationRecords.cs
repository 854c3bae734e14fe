using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationFlows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "esc_assignment_cursors",
                columns: table => new
                {
                    team_key = table.Column<string>(type: "TEXT", nullable: false),
                    last_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_assignment_cursors", x => x.team_key);
                });

            migrationBuilder.CreateTable(
                name: "esc_counters",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_counters", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "esc_escalations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    source_system = table.Column<string>(type: "TEXT", nullable: true),
                    external_ticket_id = table.Column<string>(type: "TEXT", nullable: true),
                    external_ticket_url = table.Column<string>(type: "TEXT", nullable: true),
                    ticket_id = table.Column<string>(type: "TEXT", nullable: true),
                    active_ticket_id = table.Column<string>(type: "TEXT", nullable: true),
                    client = table.Column<string>(type: "TEXT", nullable: false),
                    client_key = table.Column<string>(type: "TEXT", nullable: false),
                    client_email = table.Column<string>(type: "TEXT", nullable: true),
                    client_contact = table.Column<string>(type: "TEXT", nullable: true),
                    account_id = table.Column<string>(type: "TEXT", nullable: true),
                    account = table.Column<string>(type: "TEXT", nullable: true),
                    tier = table.Column<string>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: true),
                    impact = table.Column<int>(type: "INTEGER", nullable: true),
                    urgency = table.Column<int>(type: "INTEGER", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: true),
                    severity = table.Column<string>(type: "TEXT", nullable: true),
                    severity_reasons = table.Column<string>(type: "TEXT", nullable: false),
                    trigger_reason = table.Column<string>(type: "TEXT", nullable: false),
                    handler = table.Column<string>(type: "TEXT", nullable: true),
                    stakeholders = table.Column<string>(type: "TEXT", nullable: false),
                    flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    flag_reason = table.Column<string>(type: "TEXT", nullable: true),
                    criteria_matched = table.Column<string>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", nullable: false),
                    stage_since = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    owner_name = table.Column<string>(type: "TEXT", nullable: true),
                    owner_reason = table.Column<string>(type: "TEXT", nullable: true),
                    stage_owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    stage_owner_name = table.Column<string>(type: "TEXT", nullable: true),
                    resolution_team = table.Column<string>(type: "TEXT", nullable: true),
                    resolution_team_key = table.Column<string>(type: "TEXT", nullable: true),
                    authority_level = table.Column<string>(type: "TEXT", nullable: true),
                    routing_explanation = table.Column<string>(type: "TEXT", nullable: true),
                    elevation_level = table.Column<int>(type: "INTEGER", nullable: false),
                    prior_attempts = table.Column<string>(type: "TEXT", nullable: false),
                    remediation_plan = table.Column<string>(type: "TEXT", nullable: true),
                    resolution_details = table.Column<string>(type: "TEXT", nullable: true),
                    root_cause_category = table.Column<string>(type: "TEXT", nullable: true),
                    preventive_actions = table.Column<string>(type: "TEXT", nullable: false),
                    process_changes = table.Column<string>(type: "TEXT", nullable: true),
                    review_notes = table.Column<string>(type: "TEXT", nullable: true),
                    client_confirmation = table.Column<string>(type: "TEXT", nullable: true),
                    client_comment = table.Column<string>(type: "TEXT", nullable: true),
                    reopen_count = table.Column<int>(type: "INTEGER", nullable: false),
                    loop_back_count = table.Column<int>(type: "INTEGER", nullable: false),
                    sla_status = table.Column<string>(type: "TEXT", nullable: true),
                    response_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    summary = table.Column<string>(type: "TEXT", nullable: true),
                    summary_at = table.Column<long>(type: "INTEGER", nullable: true),
                    trigger_instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    timeline_count = table.Column<int>(type: "INTEGER", nullable: false),
                    communication_count = table.Column<int>(type: "INTEGER", nullable: false),
                    stage_owner_count = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_escalations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "esc_member_skills",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    skill = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_member_skills", x => new { x.user_id, x.skill });
                    table.ForeignKey(
                        name: "FK_esc_member_skills_auth_users_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esc_communications",
                columns: table => new
                {
                    escalation_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    direction = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    audience = table.Column<string>(type: "TEXT", nullable: false),
                    recipients = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    outbox_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", nullable: true),
                    actor = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_communications", x => new { x.escalation_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_esc_communications_esc_escalations_escalation_id",
                        column: x => x.escalation_id,
                        principalTable: "esc_escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esc_stage_owners",
                columns: table => new
                {
                    escalation_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    owner_name = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_stage_owners", x => new { x.escalation_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_esc_stage_owners_esc_escalations_escalation_id",
                        column: x => x.escalation_id,
                        principalTable: "esc_escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "esc_timeline",
                columns: table => new
                {
                    escalation_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_timeline", x => new { x.escalation_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_esc_timeline_esc_escalations_escalation_id",
                        column: x => x.escalation_id,
                        principalTable: "esc_escalations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "esc_counters",
                columns: new[] { "name", "value" },
                values: new object[] { "escalation", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_esc_communications_outbox_message_id",
                table: "esc_communications",
                column: "outbox_message_id");

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_active_ticket_id",
                table: "esc_escalations",
                column: "active_ticket_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_client_key",
                table: "esc_escalations",
                column: "client_key");

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_number",
                table: "esc_escalations",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_owner_id",
                table: "esc_escalations",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_resolution_team_key",
                table: "esc_escalations",
                column: "resolution_team_key");

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_stage_opened_at",
                table: "esc_escalations",
                columns: new[] { "stage", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_ticket_id",
                table: "esc_escalations",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "IX_esc_escalations_trigger_instance_id",
                table: "esc_escalations",
                column: "trigger_instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "esc_assignment_cursors");

            migrationBuilder.DropTable(
                name: "esc_communications");

            migrationBuilder.DropTable(
                name: "esc_counters");

            migrationBuilder.DropTable(
                name: "esc_member_skills");

            migrationBuilder.DropTable(
                name: "esc_stage_owners");

            migrationBuilder.DropTable(
                name: "esc_timeline");

            migrationBuilder.DropTable(
                name: "esc_escalations");
        }
    }
}
