using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>
/// A service provider as the server builds it: <c>AddWorkflowEngine()</c> then <c>AddEscalationFlowsPersistence</c>
/// with the test database's configuration, the shared fake clock and real (GUID v7) ids.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestNode(string name, TestDatabase database, FakeTimeProvider clock, Action<IServiceCollection>? configure)
    {
        Name = name;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(EfWarnings));
        services.AddSingleton<TimeProvider>(clock);
        services.AddWorkflowEngine();
        services.AddEscalationFlowsPersistence(TestConfiguration.Build(database.Configuration));
        services.Configure<RuntimeOptions>(o => o.NodeId = name);

        // The engine's 1 s wall-clock budget for expressions is about hostile scripts, not about these tests: on a loaded
        // 2-core machine a cold first evaluation can take longer and would turn into an incident.
        services.Configure<ExpressionOptions>(o =>
        {
            o.JavaScriptTimeout = TimeSpan.FromSeconds(30);
            o.TemplateTimeout = TimeSpan.FromSeconds(30);
        });
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string Name { get; }

    /// <summary>What EF Core logged at Warning or above on this node.</summary>
    public WarningCollector EfWarnings { get; } = new();

    public IServiceProvider Services => _services;

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();

    public IWorkflowDefinitionStore Definitions => _services.GetRequiredService<IWorkflowDefinitionStore>();

    public StoreDiagnostics Diagnostics => _services.GetRequiredService<StoreDiagnostics>();

    public WorkflowDefinitionReader Reader => _services.GetRequiredService<WorkflowDefinitionReader>();

    public EscalationFlowsDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();

    /// <summary>Reads and validates definition JSON; fails the test with every error if invalid.</summary>
    public Engine.Definitions.WorkflowDefinition Read(string json)
    {
        var result = Reader.Read(json);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Pointer} [{e.Code}] {e.Message}")));
        return result.Definition!;
    }

    public Task<DefinitionVersion> SaveAsync(string json, string? user = null) => Definitions.SaveAsync(Read(json), user, CancellationToken.None);

    public async Task<DefinitionVersion> PublishAsync(string json)
    {
        var saved = await SaveAsync(json);
        return await Definitions.PublishAsync(saved.DefinitionId, saved.Version, null, CancellationToken.None);
    }

    public Task<WorkflowRunResult> StartAsync(string definitionId, JsonObject? input = null, string? correlationId = null, string? idempotencyKey = null) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input, CorrelationId = correlationId, IdempotencyKey = idempotencyKey });

    public async Task<WorkflowState> StateAsync(string instanceId) =>
        (await Store.GetInstanceAsync(instanceId, CancellationToken.None) ?? throw new InvalidOperationException($"No instance '{instanceId}'.")).State;

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => Store.GetJournalAsync(instanceId, 0, int.MaxValue, CancellationToken.None);

    /// <summary>Runs the start burst of a new instance of the published version without committing it.</summary>
    public async Task<BurstResult> StartBurstAsync(string definitionId, string instanceId, JsonObject? input = null)
    {
        var stored = await Definitions.FindPublishedAsync(definitionId, CancellationToken.None)
            ?? throw new InvalidOperationException($"'{definitionId}' is not published.");
        var graph = _services.GetRequiredService<WorkflowGraphCache>().Get(stored);
        var executor = _services.GetRequiredService<WorkflowExecutor>();
        var state = executor.CreateInstance(graph, instanceId, input, correlationId: null);
        return await executor.RunAsync(graph, state, new StartStimulus());
    }

    /// <summary>Runs a burst on a (possibly stale) state without committing it.</summary>
    public async Task<BurstResult> RunBurstAsync(WorkflowState state, Stimulus stimulus)
    {
        var stored = await Definitions.FindVersionAsync(state.DefinitionId, state.DefinitionVersion, CancellationToken.None)
            ?? throw new InvalidOperationException($"'{state.DefinitionId}' v{state.DefinitionVersion} does not exist.");
        var graph = _services.GetRequiredService<WorkflowGraphCache>().Get(stored);
        return await _services.GetRequiredService<WorkflowExecutor>().RunAsync(graph, state, stimulus);
    }

    /// <summary>Fires due timers in batches until none is left; returns how many were claimed.</summary>
    public async Task<int> DrainTimersAsync()
    {
        var total = 0;
        int claimed;
        while ((claimed = await Runtime.ProcessDueTimersAsync()) > 0)
        {
            total += claimed;
        }

        return total;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
