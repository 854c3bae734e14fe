using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>
/// One test's world: a fresh database, a fake clock, and one or more nodes (service providers running the real
/// engine and the EF stores) on that database.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly List<TestNode> _nodes = [];

    private TestEnvironment(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The first node.</summary>
    public TestNode Node => _nodes[0];

    public static async Task<TestEnvironment> OpenAsync(ITestDatabases databases, Action<IServiceCollection>? configure = null)
    {
        var environment = new TestEnvironment(await databases.CreateAsync());
        environment.AddNode("node-a", configure);
        return environment;
    }

    /// <summary>Another node on the same database and clock (a second server process, in effect).</summary>
    public TestNode AddNode(string name, Action<IServiceCollection>? configure = null)
    {
        var node = new TestNode(name, Database, Clock, configure);
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Database.DisposeAsync();

        // Every scenario doubles as a check that the stores make EF Core log no warning (query shapes, model, etc.).
        Assert.Empty(_nodes.SelectMany(n => n.EfWarnings.Warnings));
    }
}
