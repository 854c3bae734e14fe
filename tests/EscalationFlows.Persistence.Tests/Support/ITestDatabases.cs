namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Makes a fresh migrated database per test on one provider.</summary>
public interface ITestDatabases
{
    Task<TestDatabase> CreateAsync();
}
