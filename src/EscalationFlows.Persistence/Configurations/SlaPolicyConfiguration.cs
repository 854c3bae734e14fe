using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicyRow>
{
    public void Configure(EntityTypeBuilder<SlaPolicyRow> builder)
    {
        builder.ToTable(SlaTableNames.Policies);
        builder.HasKey(p => new { p.Id, p.Version });
        builder.HasIndex(p => p.Id, "ux_sla_policies_latest").IsUnique().HasFilter("is_latest");
    }
}
