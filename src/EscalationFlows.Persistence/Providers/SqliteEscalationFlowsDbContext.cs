using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Providers;

/// <summary>The SQLite flavour of <see cref="EscalationFlowsDbContext"/>; owns the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteEscalationFlowsDbContext : EscalationFlowsDbContext
{
    public SqliteEscalationFlowsDbContext(DbContextOptions<SqliteEscalationFlowsDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
