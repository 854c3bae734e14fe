using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendarRow>
{
    public void Configure(EntityTypeBuilder<SlaCalendarRow> builder)
    {
        builder.ToTable(SlaTableNames.Calendars);
        builder.HasKey(c => new { c.Id, c.Version });
        builder.HasIndex(c => c.Id, "ux_sla_calendars_latest").IsUnique().HasFilter("is_latest");
    }
}
