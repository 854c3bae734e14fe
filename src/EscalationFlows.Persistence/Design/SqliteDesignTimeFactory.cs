using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscalationFlows.Persistence.Design;

/// <summary>
/// For <c>dotnet ef migrations add NAME --context SqliteEscalationFlowsDbContext --output-dir Migrations/Sqlite</c>;
/// see docs/adr/0002-storage-model.md.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEscalationFlowsDbContext>
{
    public SqliteEscalationFlowsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEscalationFlowsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
