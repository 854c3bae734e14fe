using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClockRow>
{
    public void Configure(EntityTypeBuilder<SlaClockRow> builder)
    {
        builder.ToTable(SlaTableNames.Clocks);
        builder.HasKey(c => new { c.SubjectId, c.Metric });
        builder.Property(c => c.Revision).IsConcurrencyToken();

        // Recomputation after a policy or calendar change looks for open clocks only.
        builder.HasIndex(c => new { c.PolicyId, c.PolicyVersion }, "ix_sla_clocks_open_policy").HasFilter("stopped_at IS NULL");
        builder.HasIndex(c => new { c.CalendarId, c.CalendarVersion }, "ix_sla_clocks_open_calendar").HasFilter("stopped_at IS NULL");
        builder.HasIndex(c => c.NextDueAt);
    }
}
