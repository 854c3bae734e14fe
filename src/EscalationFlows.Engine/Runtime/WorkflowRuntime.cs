using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// Starts, resumes, cancels and retries instances durably: load, run one burst, commit it atomically, and on an
/// optimistic-concurrency conflict reload and decide again. Runtime messages (child start, parent resume) are
/// delivered right after the commit and, should that fail, by the outbox dispatcher.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private static readonly HashSet<string> RuntimeKinds = [OutboxKinds.StartChild, OutboxKinds.ResumeParent, OutboxKinds.CancelChild];

    /// <summary>How deeply inline deliveries are nested in the current call.</summary>
    private static readonly AsyncLocal<int> InlineDepth = new();

    private readonly IWorkflowStore _store;
    private readonly IWorkflowDefinitionSource _definitions;
    private readonly WorkflowExecutor _executor;
    private readonly WorkflowGraphCache _graphs;
    private readonly Dictionary<string, IOutboxHandler> _outboxHandlers;
    private readonly Dictionary<string, ITimerHandler> _timerHandlers;
    private readonly RuntimeOptions _options;
    private readonly ILogger<WorkflowRuntime> _logger;

    public WorkflowRuntime(
        IWorkflowStore store,
        IWorkflowDefinitionSource definitions,
        WorkflowExecutor executor,
        WorkflowGraphCache graphs,
        IEnumerable<IOutboxHandler> outboxHandlers,
        IEnumerable<ITimerHandler> timerHandlers,
        IOptions<RuntimeOptions> options,
        ILogger<WorkflowRuntime> logger)
    {
        _store = store;
        _definitions = definitions;
        _executor = executor;
        _graphs = graphs;
        _outboxHandlers = outboxHandlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _timerHandlers = timerHandlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _options = options.Value;
        _logger = logger;
    }

    public IWorkflowStore Store => _store;

    private TimeProvider Clock => _executor.Services.Clock;

    public async Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        if (await FindReplayAsync("start", request.IdempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        var stored = request.Version is { } version
            ? await _definitions.FindVersionAsync(request.DefinitionId, version, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Workflow '{request.DefinitionId}' has no version {version}.")
            : await _definitions.FindPublishedAsync(request.DefinitionId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Workflow '{request.DefinitionId}' has no published version.");

        if (request.InstanceId is { } presetId && await _store.GetInstanceAsync(presetId, cancellationToken) is { } existing)
        {
            return WorkflowRunResult.From(existing.State);
        }

        var graph = _graphs.Get(stored);
        if (request.TriggerActivityId is { } trigger && !graph.HasNode(trigger))
        {
            throw new WorkflowNotFoundException($"Workflow '{request.DefinitionId}' v{stored.Definition.Version} has no activity '{trigger}'.");
        }

        var state = _executor.CreateInstance(graph, request.InstanceId ?? _executor.Services.Ids.NewId(), request.Input, request.CorrelationId,
            request.ParentInstanceId, request.ParentBookmarkId);
        var result = await _executor.RunAsync(graph, state, new StartStimulus(request.TriggerActivityId, request.TriggerPayload), cancellationToken);
        var run = WorkflowRunResult.From(result.State);
        try
        {
            await _store.CommitAsync(new BurstCommit { Result = result, Idempotency = Idempotency("start", request.IdempotencyKey, run) }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            if (await FindReplayAsync("start", request.IdempotencyKey, cancellationToken) is { } raced)
            {
                return raced;
            }

            if (request.InstanceId is not null && await _store.GetInstanceAsync(request.InstanceId, cancellationToken) is { } created)
            {
                return WorkflowRunResult.From(created.State);
            }

            throw;
        }

        LogStarted(_logger, state.Id, state.DefinitionId, state.DefinitionVersion, state.Status);
        return await DeliverAndRefreshAsync(run, result, cancellationToken);
    }

    public Task<WorkflowRunResult> ResumeAsync(string bookmarkId, JsonNode? input, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        ResumeCoreAsync(bookmarkId, input, idempotencyKey, timerId: null, cancellationToken);

    public async Task<WorkflowRunResult> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await MutateAsync(instanceId, _ => new CancelStimulus(reason), idempotency: null, timerId: null, cancellationToken);

    public async Task<WorkflowRunResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await MutateAsync(instanceId, _ => new RetryStimulus(), idempotency: null, timerId: null, cancellationToken);

    /// <summary>Continues an instance persisted with pending work (recovery after an interrupted burst).</summary>
    public async Task<WorkflowRunResult> ContinueAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await MutateAsync(instanceId, _ => new ContinueStimulus(), idempotency: null, timerId: null, cancellationToken);

    /// <summary>Resumes every matching event bookmark and starts every published workflow this event triggers.</summary>
    public async Task<EventDispatchResult> PublishEventAsync(string eventName, string? correlationId, JsonNode? payload, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var resumed = new List<WorkflowRunResult>();
        var hash = StimulusHash.Compute(BookmarkKinds.Event, eventName);
        foreach (var bookmark in await _store.FindBookmarksAsync(BookmarkKinds.Event, hash, correlationId, cancellationToken))
        {
            try
            {
                var key = idempotencyKey is null ? null : $"{idempotencyKey}:{bookmark.Id}";
                resumed.Add(await ResumeCoreAsync(bookmark.Id, payload?.DeepClone(), key, timerId: null, cancellationToken));
            }
            catch (BookmarkConflictException)
            {
                // Another event or request consumed it first.
            }
        }

        var started = new List<WorkflowRunResult>();
        foreach (var trigger in await _definitions.FindEventTriggersAsync(eventName, cancellationToken))
        {
            started.Add(await StartAsync(new StartWorkflowRequest
            {
                DefinitionId = trigger.DefinitionId,
                Version = trigger.Version,
                CorrelationId = correlationId,
                TriggerActivityId = trigger.ActivityId,
                TriggerPayload = payload?.DeepClone(),
                Input = payload is JsonObject obj ? (JsonObject)obj.DeepClone() : null,
                IdempotencyKey = idempotencyKey is null ? null : $"{idempotencyKey}:{trigger.DefinitionId}",
            }, cancellationToken));
        }

        return new EventDispatchResult(resumed, started);
    }

    /// <summary>
    /// Fires one batch of due timers: different instances' timers in parallel (up to
    /// <see cref="RuntimeOptions.TimerConcurrency"/>), each instance's own timers one after another in due order.
    /// Returns how many were claimed.
    /// </summary>
    public async Task<int> ProcessDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var timers = await _store.ClaimDueTimersAsync(Clock.GetUtcNow(), _options.TimerBatchSize, _options.NodeId, _options.TimerLease, cancellationToken);
        var batches = new Dictionary<string, List<DueTimer>>(StringComparer.Ordinal);
        var single = new List<DueTimer>(timers.Count);
        foreach (var timer in timers)
        {
            if (_timerHandlers.GetValueOrDefault(timer.Kind) is IBatchTimerHandler)
            {
                if (!batches.TryGetValue(timer.Kind, out var batch))
                {
                    batch = [];
                    batches[timer.Kind] = batch;
                }

                batch.Add(timer);
                continue;
            }

            single.Add(timer);
        }

        var byInstance = single.GroupBy(t => t.InstanceId ?? t.Id, StringComparer.Ordinal);
        await Parallel.ForEachAsync(byInstance, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.TimerConcurrency), CancellationToken = cancellationToken },
            async (instanceTimers, ct) =>
            {
                foreach (var timer in instanceTimers)
                {
                    await FireTimerAsync(timer, ct);
                }
            });

        foreach (var (kind, batch) in batches)
        {
            await FireTimerBatchAsync((IBatchTimerHandler)_timerHandlers[kind], batch, cancellationToken);
        }

        return timers.Count;
    }

    /// <summary>
    /// Delivers one batch of outbox messages (all kinds, or only the given ones): different instances' messages in
    /// parallel (up to <see cref="RuntimeOptions.OutboxConcurrency"/>), each instance's own messages in order.
    /// Returns how many were claimed.
    /// </summary>
    public async Task<int> ProcessOutboxAsync(IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default)
    {
        var messages = await _store.ClaimOutboxAsync(Clock.GetUtcNow(), _options.OutboxBatchSize, _options.NodeId, _options.OutboxLease, kinds, cancellationToken);
        await Parallel.ForEachAsync(messages.GroupBy(m => m.InstanceId, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.OutboxConcurrency), CancellationToken = cancellationToken },
            async (instanceMessages, ct) =>
            {
                foreach (var message in instanceMessages)
                {
                    await DeliverOneAsync(message, ct);
                }
            });
        return messages.Count;
    }

    private async Task FireTimerAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            if (timer.Kind == TimerKinds.Bookmark)
            {
                var input = new JsonObject
                {
                    ["dueAt"] = timer.DueAt.ToString("O", CultureInfo.InvariantCulture),
                    ["firedAt"] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                    ["node"] = _options.NodeId,
                };
                await ResumeCoreAsync(timer.BookmarkId ?? timer.Id, input, idempotencyKey: null, timerId: timer.Id, cancellationToken);
                return;
            }

            if (!_timerHandlers.TryGetValue(timer.Kind, out var handler))
            {
                LogNoTimerHandler(_logger, timer.Id, timer.Kind);
                await _store.CompleteTimerAsync(timer.Id, cancellationToken);
                return;
            }

            await handler.HandleAsync(timer, cancellationToken);
            await _store.CompleteTimerAsync(timer.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is BookmarkConflictException or WorkflowNotFoundException)
        {
            // The bookmark was consumed or cancelled by someone else: the timer is moot.
            await _store.CompleteTimerAsync(timer.Id, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing timer stays leased and is retried after the lease expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTimerFailed(_logger, ex, timer.Id, timer.Kind);
        }
    }

    private async Task FireTimerBatchAsync(IBatchTimerHandler handler, IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> done;
        try
        {
            done = await handler.HandleBatchAsync(timers, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The batch stays leased and is claimed again after the lease expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTimerFailed(_logger, ex, $"{timers[0].Id} (+{timers.Count - 1})", handler.Kind);
            return;
        }

        foreach (var id in done)
        {
            await _store.CompleteTimerAsync(id, cancellationToken);
        }
    }

    private async Task<WorkflowRunResult> ResumeCoreAsync(string bookmarkId, JsonNode? input, string? idempotencyKey, string? timerId, CancellationToken cancellationToken)
    {
        if (await FindReplayAsync("resume", idempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        for (var attempt = 0; ; attempt++)
        {
            var stored = await _store.GetBookmarkAsync(bookmarkId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"There is no bookmark '{bookmarkId}'.");
            if (stored.State != BookmarkState.Active)
            {
                // A request with the same key may have consumed it between our first look and now.
                if (await FindReplayAsync("resume", idempotencyKey, cancellationToken) is { } consumedByTwin)
                {
                    return consumedByTwin;
                }

                throw new BookmarkConflictException($"Bookmark '{bookmarkId}' was already {(stored.State == BookmarkState.Consumed ? "resumed" : "cancelled")}; it cannot be resumed again.");
            }

            try
            {
                return await RunOnceAsync(stored.Bookmark.InstanceId, _ => new ResumeStimulus(bookmarkId, input?.DeepClone()),
                    Idempotency("resume", idempotencyKey, null), timerId, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
            {
                if (await FindReplayAsync("resume", idempotencyKey, cancellationToken) is { } raced)
                {
                    return raced;
                }
            }
            catch (ConcurrencyConflictException ex)
            {
                throw new BookmarkConflictException($"Bookmark '{bookmarkId}' could not be resumed: the instance kept changing under contention.", ex);
            }
        }
    }

    private async Task<WorkflowRunResult> MutateAsync(string instanceId, Func<WorkflowState, Stimulus> stimulus, IdempotencyRecord? idempotency, string? timerId,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(instanceId, stimulus, idempotency, timerId, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
            {
                // Reload and decide again.
            }
        }
    }

    private async Task<WorkflowRunResult> RunOnceAsync(string instanceId, Func<WorkflowState, Stimulus> stimulus, IdempotencyRecord? idempotency, string? timerId,
        CancellationToken cancellationToken)
    {
        var instance = await _store.GetInstanceAsync(instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"There is no workflow instance '{instanceId}'.");
        var state = instance.State;
        var stored = await _definitions.FindVersionAsync(state.DefinitionId, state.DefinitionVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Instance '{instanceId}' runs on '{state.DefinitionId}' v{state.DefinitionVersion}, which no longer exists.");
        var graph = _graphs.Get(stored);
        BurstResult result;
        try
        {
            result = await _executor.RunAsync(graph, state, stimulus(state), cancellationToken);
        }
        catch (BookmarkNotActiveException ex)
        {
            throw new BookmarkConflictException(ex.Message, ex);
        }
        catch (InstanceStateException ex)
        {
            throw new BookmarkConflictException(ex.Message, ex);
        }

        var run = WorkflowRunResult.From(result.State);
        var record = idempotency is null ? null : idempotency with { Result = WorkflowJson.ToNode(run)! };
        await _store.CommitAsync(new BurstCommit { Result = result, ExpectedRevision = instance.Revision, Idempotency = record, CompletedTimerId = timerId }, cancellationToken);
        return await DeliverAndRefreshAsync(run, result, cancellationToken);
    }

    private async Task<WorkflowRunResult> DeliverAndRefreshAsync(WorkflowRunResult run, BurstResult result, CancellationToken cancellationToken)
    {
        // Inline delivery nests (a child's start delivers its own messages...); past the depth limit the
        // messages wait for the outbox dispatcher, so a workflow that starts itself cannot recurse without end.
        var depth = InlineDepth.Value;
        if (depth >= _options.InlineDeliveryDepth)
        {
            return run;
        }

        var delivered = false;
        InlineDepth.Value = depth + 1;
        try
        {
            foreach (var message in result.Outbox.Where(m => RuntimeKinds.Contains(m.Kind)))
            {
                delivered |= await TryDeliverInlineAsync(message, cancellationToken);
            }
        }
        finally
        {
            InlineDepth.Value = depth;
        }

        if (!delivered)
        {
            return run;
        }

        var fresh = await _store.GetInstanceAsync(run.InstanceId, cancellationToken);
        return fresh is null ? run : WorkflowRunResult.From(fresh.State);
    }

    private async Task<bool> TryDeliverInlineAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!await _store.TryClaimOutboxMessageAsync(message.Id, Clock.GetUtcNow(), _options.NodeId, _options.OutboxLease, cancellationToken))
        {
            return false;
        }

        return await DeliverOneAsync(message, cancellationToken);
    }

    private async Task<bool> DeliverOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(message, cancellationToken);
            await _store.MarkOutboxDeliveredAsync(message.Id, Clock.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OutboxDeliveryRejectedException ex)
        {
            LogDeliveryRejected(_logger, ex, message.Id, message.Kind);
            await _store.MarkOutboxFailedAsync(message.Id, OutboxDeliveryRejectedException.Never, OutboxDeliveryRejectedException.ErrorPrefix + ex.Message, cancellationToken);
            return false;
        }
#pragma warning disable CA1031 // Delivery failures are retried by the dispatcher with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(_logger, ex, message.Id, message.Kind);
            await _store.MarkOutboxFailedAsync(message.Id, Clock.GetUtcNow() + OutboxRetryDelay(message.Attempts), ex.Message, cancellationToken);
            return false;
        }
    }

    /// <summary>The wait after a failed delivery that was attempt number <paramref name="attempts"/>: the base delay, doubled per further attempt, capped.</summary>
    internal TimeSpan OutboxRetryDelay(int attempts)
    {
        var first = _options.OutboxRetryDelay > TimeSpan.Zero ? _options.OutboxRetryDelay : TimeSpan.FromSeconds(5);
        var max = _options.OutboxMaxRetryDelay >= first ? _options.OutboxMaxRetryDelay : first;
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var ticks = first.Ticks * Math.Pow(2, doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Payload;
        switch (message.Kind)
        {
            case OutboxKinds.StartChild:
                try
                {
                    await StartChildAsync(payload, cancellationToken);
                }
                catch (Exception ex) when (ex is WorkflowNotFoundException or WorkflowInputException)
                {
                    // The child can never start (no published version, input it rejects): retrying the message would
                    // leave the parent waiting forever, so the parent continues on its Failed port instead.
                    await ResumeParentAsync(payload["parentBookmarkId"]?.GetValue<string>(), new JsonObject
                    {
                        ["childInstanceId"] = payload["childInstanceId"]?.DeepClone(),
                        ["status"] = "NotStarted",
                        ["error"] = ex.Message,
                    }, cancellationToken);
                }

                break;
            case OutboxKinds.ResumeParent:
                await ResumeParentAsync(Text(payload, "parentBookmarkId"), payload.DeepClone(), cancellationToken);
                break;
            case OutboxKinds.CancelChild:
                try
                {
                    await CancelAsync(Text(payload, "childInstanceId"), "The parent stopped waiting for it.", cancellationToken);
                }
                catch (Exception ex) when (ex is BookmarkConflictException or WorkflowNotFoundException)
                {
                    // Already ended, or never started.
                }

                break;
            default:
                if (!_outboxHandlers.TryGetValue(message.Kind, out var handler))
                {
                    throw new InvalidOperationException($"No handler delivers outbox messages of kind '{message.Kind}'.");
                }

                await handler.DeliverAsync(message, cancellationToken);
                break;
        }
    }

    private async Task ResumeParentAsync(string? parentBookmarkId, JsonNode input, CancellationToken cancellationToken)
    {
        if (parentBookmarkId is null)
        {
            return;
        }

        try
        {
            await ResumeCoreAsync(parentBookmarkId, input, idempotencyKey: null, timerId: null, cancellationToken);
        }
        catch (Exception ex) when (ex is BookmarkConflictException or WorkflowNotFoundException)
        {
            // Already resumed (a redelivery), or the parent was cancelled or removed meanwhile.
        }
    }

    private Task<WorkflowRunResult> StartChildAsync(JsonNode payload, CancellationToken cancellationToken) =>
        StartAsync(new StartWorkflowRequest
        {
            DefinitionId = Text(payload, "definitionId"),
            InstanceId = Text(payload, "childInstanceId"),
            Input = payload["input"] as JsonObject is { } input ? (JsonObject)input.DeepClone() : null,
            CorrelationId = payload["correlationId"]?.GetValue<string>(),
            ParentInstanceId = Text(payload, "parentInstanceId"),
            ParentBookmarkId = Text(payload, "parentBookmarkId"),
        }, cancellationToken);

    private static string Text(JsonNode payload, string name) =>
        payload[name]?.GetValue<string>() ?? throw new InvalidOperationException($"The message has no '{name}'.");

    private IdempotencyRecord? Idempotency(string scope, string? key, WorkflowRunResult? run) =>
        key is null ? null : new IdempotencyRecord(scope, key, run is null ? new JsonObject() : WorkflowJson.ToNode(run)!, Clock.GetUtcNow());

    private async Task<WorkflowRunResult?> FindReplayAsync(string scope, string? key, CancellationToken cancellationToken)
    {
        if (key is null || await _store.FindIdempotencyAsync(scope, key, cancellationToken) is not { } record)
        {
            return null;
        }

        return WorkflowJson.Deserialize<WorkflowRunResult>(record.Result)! with { Replayed = true };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started instance {InstanceId} of {DefinitionId} v{Version}: {Status}")]
    private static partial void LogStarted(ILogger logger, string instanceId, string definitionId, int version, WorkflowStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "No handler for timer {TimerId} of kind {Kind}; it is dropped")]
    private static partial void LogNoTimerHandler(ILogger logger, string timerId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} ({Kind}) failed; it will fire again after its lease")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, string timerId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed; it will be retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string messageId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) was rejected; it will not be retried")]
    private static partial void LogDeliveryRejected(ILogger logger, Exception exception, string messageId, string kind);
}
