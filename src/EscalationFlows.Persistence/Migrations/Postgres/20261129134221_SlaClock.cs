using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscalationFlows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlaClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "esc_tickets",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    client = table.Column<string>(type: "text", nullable: false),
                    tier = table.Column<string>(type: "text", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    calendar_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esc_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sla_calendars",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    time_zone = table.Column<string>(type: "text", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_calendars", x => new { x.id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "sla_clocks",
                columns: table => new
                {
                    subject_id = table.Column<string>(type: "text", nullable: false),
                    metric = table.Column<string>(type: "text", nullable: false),
                    subject_type = table.Column<string>(type: "text", nullable: false),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    tier = table.Column<string>(type: "text", nullable: true),
                    calendar_id = table.Column<string>(type: "text", nullable: false),
                    calendar_version = table.Column<int>(type: "integer", nullable: false),
                    calendar_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    scheduled_timers = table.Column<string>(type: "text", nullable: false),
                    next_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_clocks", x => new { x.subject_id, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    calendar_id = table.Column<string>(type: "text", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sla_policies", x => new { x.id, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_esc_tickets_client",
                table: "esc_tickets",
                column: "client");

            migrationBuilder.CreateIndex(
                name: "IX_esc_tickets_source_external_id",
                table: "esc_tickets",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_sla_calendars_latest",
                table: "sla_calendars",
                column: "id",
                unique: true,
                filter: "is_latest");

            migrationBuilder.CreateIndex(
                name: "IX_sla_clocks_next_due_at",
                table: "sla_clocks",
                column: "next_due_at");

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_open_calendar",
                table: "sla_clocks",
                columns: new[] { "calendar_id", "calendar_version" },
                filter: "stopped_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_open_policy",
                table: "sla_clocks",
                columns: new[] { "policy_id", "policy_version" },
                filter: "stopped_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_sla_policies_latest",
                table: "sla_policies",
                column: "id",
                unique: true,
                filter: "is_latest");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "esc_tickets");

            migrationBuilder.DropTable(
                name: "sla_calendars");

            migrationBuilder.DropTable(
                name: "sla_clocks");

            migrationBuilder.DropTable(
                name: "sla_policies");
        }
    }
}
