using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> builder)
    {
        builder.ToTable(TableNames.Incidents);
        builder.HasKey(i => new { i.InstanceId, i.Id });
        builder.HasIndex(i => i.Resolved);
        builder.HasOne<WorkflowInstanceRow>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
