using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationFlows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_definition_versions",
                columns: table => new
                {
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", nullable: false),
                    is_published = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_definition_versions", x => new { x.definition_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "wf_idempotency_keys",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_idempotency_keys", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "wf_instances",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    sub_status = table.Column<string>(type: "TEXT", nullable: true),
                    correlation_id = table.Column<string>(type: "TEXT", nullable: true),
                    parent_instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    incident_count = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_outbox",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_timers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    bookmark_id = table.Column<string>(type: "TEXT", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_event_triggers",
                columns: table => new
                {
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: false),
                    event_name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_event_triggers", x => new { x.definition_id, x.version, x.activity_id });
                    table.ForeignKey(
                        name: "FK_wf_event_triggers_wf_definition_versions_definition_id_version",
                        columns: x => new { x.definition_id, x.version },
                        principalTable: "wf_definition_versions",
                        principalColumns: new[] { "definition_id", "version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wf_bookmarks",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    stimulus_hash = table.Column<string>(type: "TEXT", nullable: true),
                    correlation_id = table.Column<string>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_bookmarks", x => x.id);
                    table.ForeignKey(
                        name: "FK_wf_bookmarks_wf_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "wf_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wf_incidents",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_type = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_incidents", x => new { x.instance_id, x.id });
                    table.ForeignKey(
                        name: "FK_wf_incidents_wf_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "wf_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wf_journal",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: true),
                    activity_type = table.Column<string>(type: "TEXT", nullable: true),
                    outcomes = table.Column<string>(type: "TEXT", nullable: true),
                    duration_ms = table.Column<double>(type: "REAL", nullable: true),
                    attempt = table.Column<int>(type: "INTEGER", nullable: true),
                    bookmark_id = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_journal", x => new { x.instance_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_wf_journal_wf_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "wf_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_wf_bookmarks_active_stimulus",
                table: "wf_bookmarks",
                columns: new[] { "kind", "stimulus_hash", "correlation_id" },
                filter: "state = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_wf_bookmarks_instance_id",
                table: "wf_bookmarks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ux_wf_definition_versions_latest",
                table: "wf_definition_versions",
                column: "definition_id",
                unique: true,
                filter: "is_latest");

            migrationBuilder.CreateIndex(
                name: "ux_wf_definition_versions_published",
                table: "wf_definition_versions",
                column: "definition_id",
                unique: true,
                filter: "is_published");

            migrationBuilder.CreateIndex(
                name: "IX_wf_event_triggers_event_name",
                table: "wf_event_triggers",
                column: "event_name");

            migrationBuilder.CreateIndex(
                name: "IX_wf_incidents_resolved",
                table: "wf_incidents",
                column: "resolved");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_correlation_id",
                table: "wf_instances",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_definition_id_definition_version",
                table: "wf_instances",
                columns: new[] { "definition_id", "definition_version" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_parent_instance_id",
                table: "wf_instances",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_status",
                table: "wf_instances",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_wf_outbox_delivered_at_next_attempt_at",
                table: "wf_outbox",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_outbox_instance_id",
                table: "wf_outbox",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_timers_due_at",
                table: "wf_timers",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "IX_wf_timers_instance_id",
                table: "wf_timers",
                column: "instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_bookmarks");

            migrationBuilder.DropTable(
                name: "wf_event_triggers");

            migrationBuilder.DropTable(
                name: "wf_idempotency_keys");

            migrationBuilder.DropTable(
                name: "wf_incidents");

            migrationBuilder.DropTable(
                name: "wf_journal");

            migrationBuilder.DropTable(
                name: "wf_outbox");

            migrationBuilder.DropTable(
                name: "wf_timers");

            migrationBuilder.DropTable(
                name: "wf_definition_versions");

            migrationBuilder.DropTable(
                name: "wf_instances");
        }
    }
}
