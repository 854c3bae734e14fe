using EscalationFlows.Persistence.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Support;

public static class TestConfiguration
{
    public static Dictionary<string, string?> Sqlite(string connectionString) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = connectionString,
    };

    public static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
    };

    public static IConfiguration Build(IEnumerable<KeyValuePair<string, string?>> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Applies the migrations through the production path (<see cref="DatabaseMigrator"/>).</summary>
    public static async Task MigrateAsync(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var services = new ServiceCollection().AddEscalationFlowsPersistence(Build(values));
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider);
    }
}
