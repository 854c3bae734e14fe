using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRow>
{
    public void Configure(EntityTypeBuilder<BookmarkRow> builder)
    {
        builder.ToTable(TableNames.Bookmarks);
        builder.HasKey(b => b.Id);
        builder.Property(b => b.State).HasConversion<string>();

        // Stimulus lookup (events, human tasks) only ever asks for active bookmarks.
        builder.HasIndex(b => new { b.Kind, b.StimulusHash, b.CorrelationId }, "ix_wf_bookmarks_active_stimulus").HasFilter("state = 'Active'");
        builder.HasIndex(b => b.InstanceId);
        builder.HasOne<WorkflowInstanceRow>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
