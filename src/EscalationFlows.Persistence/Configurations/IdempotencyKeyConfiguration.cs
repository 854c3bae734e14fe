using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationFlows.Persistence.Configurations;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKeyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRow> builder)
    {
        builder.ToTable(TableNames.IdempotencyKeys);
        builder.HasKey(k => new { k.Scope, k.Key });
    }
}
