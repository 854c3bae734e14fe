using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class TimerConfiguration : IEntityTypeConfiguration<TimerRow>
{
    public void Configure(EntityTypeBuilder<TimerRow> builder)
    {
        builder.ToTable(TableNames.Timers);
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => t.InstanceId);
    }
}
