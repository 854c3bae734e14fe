using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class TrackedTicketConfiguration : IEntityTypeConfiguration<TrackedTicketRow>
{
    public void Configure(EntityTypeBuilder<TrackedTicketRow> builder)
    {
        builder.ToTable(SlaTableNames.Tickets);
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Source, t.ExternalId }).IsUnique();
        builder.HasIndex(t => t.Client);
        builder.Property(t => t.Revision).IsConcurrencyToken();
    }
}
