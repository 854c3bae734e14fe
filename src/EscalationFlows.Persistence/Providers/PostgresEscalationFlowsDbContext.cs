using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Providers;

/// <summary>The PostgreSQL flavour of <see cref="EscalationFlowsDbContext"/>; owns the migrations in Migrations/Postgres.</summary>
public sealed class PostgresEscalationFlowsDbContext : EscalationFlowsDbContext
{
    public PostgresEscalationFlowsDbContext(DbContextOptions<PostgresEscalationFlowsDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
