namespace EscalationFlows.Persistence.Hosting;

/// <summary>Applies the migrations of the configured provider at startup. PLACEHOLDER until the EF Core stores land.</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Task.CompletedTask;
    }
}
