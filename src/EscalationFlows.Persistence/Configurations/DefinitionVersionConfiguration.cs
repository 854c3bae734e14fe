using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class DefinitionVersionConfiguration : IEntityTypeConfiguration<DefinitionVersionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionVersionRow> builder)
    {
        builder.ToTable(TableNames.DefinitionVersions);
        builder.HasKey(d => new { d.DefinitionId, d.Version });

        // At most one published and one latest version per definition. The store keeps this true inside a
        // transaction; the partial unique indexes make the database refuse anything else.
        builder.HasIndex(d => d.DefinitionId, "ux_wf_definition_versions_published").IsUnique().HasFilter("is_published");
        builder.HasIndex(d => d.DefinitionId, "ux_wf_definition_versions_latest").IsUnique().HasFilter("is_latest");
    }
}
