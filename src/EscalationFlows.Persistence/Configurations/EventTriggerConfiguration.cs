using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class EventTriggerConfiguration : IEntityTypeConfiguration<EventTriggerRow>
{
    public void Configure(EntityTypeBuilder<EventTriggerRow> builder)
    {
        builder.ToTable(TableNames.EventTriggers);
        builder.HasKey(t => new { t.DefinitionId, t.Version, t.ActivityId });
        builder.HasIndex(t => t.EventName);
        builder.HasOne<DefinitionVersionRow>().WithMany().HasForeignKey(t => new { t.DefinitionId, t.Version }).OnDelete(DeleteBehavior.Cascade);
    }
}
