using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationFlows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HumanTasksAndIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auth_api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", nullable: false),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_client_links",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", nullable: true),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_client_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_signing_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_signing_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_teams",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", nullable: false),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", nullable: false),
                    normalized_email = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: false),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ht_tasks",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_name = table.Column<string>(type: "TEXT", nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    assignee_id = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_team = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_team_key = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_role = table.Column<string>(type: "TEXT", nullable: true),
                    form = table.Column<string>(type: "TEXT", nullable: true),
                    outcomes = table.Column<string>(type: "TEXT", nullable: false),
                    context = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    escalate_at = table.Column<long>(type: "INTEGER", nullable: true),
                    escalate_to = table.Column<string>(type: "TEXT", nullable: true),
                    escalated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    client_link_id = table.Column<string>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ht_tasks", x => x.id);
                    table.ForeignKey(
                        name: "FK_ht_tasks_wf_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "wf_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_team_members",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_team_members", x => new { x.team_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_auth_team_members_auth_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "auth_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_auth_team_members_auth_users_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ht_task_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    task_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ht_task_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_ht_task_events_ht_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "ht_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auth_client_links_purpose_subject_id",
                table: "auth_client_links",
                columns: new[] { "purpose", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "IX_auth_team_members_user_id",
                table: "auth_team_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_auth_teams_normalized_name",
                table: "auth_teams",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auth_users_normalized_email",
                table: "auth_users",
                column: "normalized_email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ht_task_events_task_id",
                table: "ht_task_events",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "IX_ht_tasks_instance_id",
                table: "ht_tasks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_ht_tasks_status_assignee_id",
                table: "ht_tasks",
                columns: new[] { "status", "assignee_id" });

            migrationBuilder.CreateIndex(
                name: "IX_ht_tasks_status_candidate_role",
                table: "ht_tasks",
                columns: new[] { "status", "candidate_role" });

            migrationBuilder.CreateIndex(
                name: "IX_ht_tasks_status_candidate_team_key",
                table: "ht_tasks",
                columns: new[] { "status", "candidate_team_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auth_api_keys");

            migrationBuilder.DropTable(
                name: "auth_client_links");

            migrationBuilder.DropTable(
                name: "auth_signing_keys");

            migrationBuilder.DropTable(
                name: "auth_team_members");

            migrationBuilder.DropTable(
                name: "ht_task_events");

            migrationBuilder.DropTable(
                name: "auth_teams");

            migrationBuilder.DropTable(
                name: "auth_users");

            migrationBuilder.DropTable(
                name: "ht_tasks");
        }
    }
}
