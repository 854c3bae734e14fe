using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscalationFlows.Persistence.Design;

/// <summary>
/// For <c>dotnet ef migrations add NAME --context PostgresEscalationFlowsDbContext --output-dir Migrations/Postgres</c>.
/// Adding a migration needs no server; the connection string is only a placeholder.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEscalationFlowsDbContext>
{
    public PostgresEscalationFlowsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEscalationFlowsDbContext>().UseNpgsql("Host=127.0.0.1;Database=escalationflows_design").Options);
}
