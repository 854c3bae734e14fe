using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessageRow>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRow> builder)
    {
        builder.ToTable(TableNames.Outbox);
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.DeliveredAt, o.NextAttemptAt });
        builder.HasIndex(o => o.InstanceId);
    }
}
