using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable(TableNames.Journal);
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.Sequence).ValueGeneratedNever();
        builder.HasOne<WorkflowInstanceRow>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
