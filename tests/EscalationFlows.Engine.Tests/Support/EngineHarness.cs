using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>The engine with in-memory stores, a fake clock and sequential ids.</summary>
public sealed class EngineHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public EngineHarness(Action<IServiceCollection>? configure = null, Action<ExpressionOptions>? expressions = null, Action<EngineOptions>? engine = null)
    {
        Clock = new FakeTimeProvider(Epoch);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IIdGenerator, SequentialIds>();
        services.AddWorkflowEngine();
        services.AddInMemoryWorkflowStores();
        services.Configure<ExpressionOptions>(o => expressions?.Invoke(o));
        services.Configure<EngineOptions>(o => engine?.Invoke(o));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Where the fake clock starts.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public InMemoryWorkflowStore Store => _services.GetRequiredService<InMemoryWorkflowStore>();

    public InMemoryWorkflowDefinitionStore Definitions => _services.GetRequiredService<InMemoryWorkflowDefinitionStore>();

    public WorkflowDefinitionReader Reader => _services.GetRequiredService<WorkflowDefinitionReader>();

    public IActivityRegistry Registry => _services.GetRequiredService<IActivityRegistry>();

    /// <summary>Reads, validates and publishes a definition; fails the test with every error if invalid.</summary>
    public WorkflowDefinition Publish(string json)
    {
        var result = Reader.Read(json);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Pointer} [{e.Code}] {e.Message}")));
        Definitions.Publish(result.Definition!);
        return result.Definition!;
    }

    public Task<WorkflowRunResult> StartAsync(string definitionId, JsonObject? input = null, string? correlationId = null) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input, CorrelationId = correlationId });

    public Task<WorkflowRunResult> ResumeAsync(string bookmarkId, JsonNode? input = null, string? idempotencyKey = null) =>
        Runtime.ResumeAsync(bookmarkId, input, idempotencyKey);

    public Task<WorkflowRunResult> CancelAsync(string instanceId, string? reason = null) =>
        Runtime.CancelAsync(instanceId, reason, CancellationToken.None);

    public Task<WorkflowRunResult> RetryAsync(string instanceId) => Runtime.RetryAsync(instanceId, CancellationToken.None);

    public Task<EventDispatchResult> PublishAsync(string eventName, JsonNode? payload = null, string? correlationId = null) =>
        Runtime.PublishEventAsync(eventName, correlationId, payload);

    /// <summary>The instance's journal entries of one event (ActivityStarted, ActivityCancelled, ...).</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId, string eventName) =>
        [.. (await JournalAsync(instanceId)).Where(j => j.Event == eventName)];

    public async Task<StoredBookmark?> StoredBookmarkAsync(string bookmarkId) => await Store.GetBookmarkAsync(bookmarkId, CancellationToken.None);

    public async Task<DateTimeOffset?> NextTimerDueAsync() => await Store.GetNextTimerDueAsync(CancellationToken.None);

    public async Task<WorkflowState> StateAsync(string instanceId) =>
        (await Store.GetInstanceAsync(instanceId, CancellationToken.None))!.State;

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) =>
        await Store.GetJournalAsync(instanceId, 0, int.MaxValue, CancellationToken.None);

    /// <summary>Advances the fake clock and fires every timer now due (repeating until none is left).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        while (await Runtime.ProcessDueTimersAsync() > 0)
        {
        }
    }

    public void Dispose() => _services.Dispose();
}
