using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> builder)
    {
        builder.ToTable(TableNames.Instances);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>();
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => i.ParentInstanceId);
    }
}
