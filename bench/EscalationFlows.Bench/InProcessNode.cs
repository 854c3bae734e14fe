using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Bench;

/// <summary>
/// The runtime and the EF Core stores wired as the server wires them (<c>AddWorkflowEngine</c> +
/// <c>AddEscalationFlowsPersistence</c>, the system clock), without HTTP and without background dispatchers.
/// </summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InProcessNode(ServiceProvider services)
    {
        _services = services;
    }

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();

    public StoreDiagnostics Diagnostics => _services.GetRequiredService<StoreDiagnostics>();

    /// <summary>A node on <paramref name="database"/> (migrated) with <paramref name="workflows"/> saved and published.</summary>
    public static async Task<InProcessNode> StartAsync(BenchDatabase database, string nodeId, params Flow[] workflows)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowEngine();
        services.AddEscalationFlowsPersistence(new ConfigurationBuilder().AddInMemoryCollection(database.Configuration).Build());
        services.Configure<RuntimeOptions>(o => o.NodeId = nodeId);
        var node = new InProcessNode(services.BuildServiceProvider());
        await DatabaseMigrator.MigrateAsync(node._services);
        var reader = node._services.GetRequiredService<WorkflowDefinitionReader>();
        var definitions = node._services.GetRequiredService<IWorkflowDefinitionStore>();
        foreach (var flow in workflows)
        {
            var read = reader.Read(flow.Json);
            if (!read.IsValid)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, read.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
            }

            if (await definitions.FindPublishedAsync(read.Definition!.DefinitionId, CancellationToken.None) is null)
            {
                var saved = await definitions.SaveAsync(read.Definition, "bench", CancellationToken.None);
                await definitions.PublishAsync(saved.DefinitionId, saved.Version, "bench", CancellationToken.None);
            }
        }

        return node;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
