using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Engine.Execution;

/// <summary>
/// Runs one burst of an instance: delivers tokens until the instance blocks, ends or faults. It does no I/O;
/// the caller persists the <see cref="BurstResult"/> in one transaction. See docs/adr/0001-flowchart-execution.md.
/// </summary>
public sealed class WorkflowExecutor
{
    private readonly WorkflowExecutorServices _services;
    private readonly EngineOptions _options;

    public WorkflowExecutor(WorkflowExecutorServices services, IOptions<EngineOptions> options)
    {
        _services = services;
        _options = options.Value;
    }

    public WorkflowExecutorServices Services => _services;

    /// <summary>Creates the state of a new instance, checking the input against the declared inputs.</summary>
    public WorkflowState CreateInstance(WorkflowGraph graph, string instanceId, JsonObject? input, string? correlationId,
        string? parentInstanceId = null, string? parentBookmarkId = null)
    {
        var definition = graph.Definition;
        var errors = new List<(string, string)>();
        var values = (JsonObject?)input?.DeepClone() ?? [];
        foreach (var declared in definition.Inputs ?? [])
        {
            var present = values.TryGetPropertyValue(declared.Name, out var value) && value is not null;
            if (!present)
            {
                if (declared.Default is not null)
                {
                    values[declared.Name] = declared.Default.DeepClone();
                }
                else if (declared.Required == true)
                {
                    errors.Add(($"/input/{declared.Name}", $"The input '{declared.Name}' is required."));
                }

                continue;
            }

            if (ValueTypes.Describe(value!, declared.Type) is { } mismatch)
            {
                errors.Add(($"/input/{declared.Name}", $"The input '{declared.Name}' {mismatch}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new WorkflowInputException(errors);
        }

        var variables = new JsonObject();
        foreach (var variable in definition.Variables ?? [])
        {
            variables[variable.Name] = variable.Default?.DeepClone();
        }

        var now = _services.Clock.GetUtcNow();
        return new WorkflowState
        {
            Id = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            ParentInstanceId = parentInstanceId,
            ParentBookmarkId = parentBookmarkId,
            Input = values,
            Variables = variables,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public async Task<BurstResult> RunAsync(WorkflowGraph graph, WorkflowState state, Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        var burst = new BurstContext(graph, state, _services, cancellationToken);
        var before = state.Bookmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        string? consumed = null;

        switch (stimulus)
        {
            case StartStimulus start:
                if (state.JournalSequence != 0)
                {
                    throw new InstanceStateException($"Instance '{state.Id}' has already started.");
                }

                burst.Record(JournalEvents.WorkflowStarted, message: start.TriggerActivityId is null ? null : $"Triggered by '{start.TriggerActivityId}'.");
                if (start.TriggerActivityId is { } trigger)
                {
                    burst.TriggerActivityId = trigger;
                    burst.TriggerPayload = start.TriggerPayload;
                    state.Queue.Add(new WorkItem { ActivityId = trigger });
                }
                else
                {
                    state.Queue.AddRange(graph.StartActivityIds.Select(id => new WorkItem { ActivityId = id }));
                }

                break;
            case ResumeStimulus resume:
                if (state.IsEnded)
                {
                    throw new InstanceStateException($"Instance '{state.Id}' is {state.Status}; its bookmarks can no longer be resumed.");
                }

                var bookmark = state.Bookmarks.Find(b => string.Equals(b.Id, resume.BookmarkId, StringComparison.Ordinal))
                    ?? throw new BookmarkNotActiveException(resume.BookmarkId, state.Id);
                state.Bookmarks.Remove(bookmark);
                consumed = bookmark.Id;
                var work = bookmark.Kind == BookmarkKinds.Retry
                    ? WorkflowJson.Deserialize<WorkItem>(bookmark.Payload) ?? throw new InvalidOperationException("A retry bookmark lost its work item.")
                    : new WorkItem { ActivityId = bookmark.ActivityId, ResumeBookmark = bookmark, ResumeInput = resume.Input?.DeepClone() };
                if (state.Status == WorkflowStatus.Faulted)
                {
                    // A stimulus for a faulted instance (a timer, a child that finished, a person) is consumed now and
                    // parked in the queue; it runs after the failed step when the instance is retried, so it is never lost.
                    state.Queue.Add(work);
                    burst.Record(JournalEvents.ActivityResumed, bookmark.ActivityId, graph.GetNode(bookmark.ActivityId).Type, bookmarkId: bookmark.Id,
                        message: "The instance is faulted; this continues once it is retried.");
                    state.UpdatedAt = burst.Now;
                    return BuildResult(burst, before, consumed);
                }

                burst.Record(JournalEvents.ActivityResumed, bookmark.ActivityId, graph.GetNode(bookmark.ActivityId).Type, bookmarkId: bookmark.Id,
                    message: bookmark.Kind == BookmarkKinds.Retry ? "Retry is due." : null);
                state.Queue.Insert(0, work);
                break;
            case RetryStimulus:
                if (state.Status != WorkflowStatus.Faulted || state.FaultedWork is null)
                {
                    throw new InstanceStateException($"Instance '{state.Id}' is {state.Status}; only a faulted instance can be retried.");
                }

                state.Queue.Insert(0, state.FaultedWork);
                state.FaultedWork = null;
                for (var i = 0; i < state.Incidents.Count; i++)
                {
                    state.Incidents[i] = state.Incidents[i] with { Resolved = true };
                }

                burst.Record(JournalEvents.WorkflowRetried);
                break;
            case CancelStimulus cancel:
                if (state.IsEnded)
                {
                    throw new InstanceStateException($"Instance '{state.Id}' is already {state.Status}.");
                }

                await CancelAllAsync(burst, reason: cancel.Reason ?? "The instance was cancelled.");
                state.FaultedWork = null;
                state.Status = WorkflowStatus.Cancelled;
                state.SubStatus = null;
                state.FinishedAt = burst.Now;
                burst.Record(JournalEvents.WorkflowCancelled, message: cancel.Reason);
                NotifyParent(burst);
                return BuildResult(burst, before, consumed);
            case ContinueStimulus:
                if (state.IsEnded || state.Status == WorkflowStatus.Faulted)
                {
                    throw new InstanceStateException($"Instance '{state.Id}' is {state.Status}; there is nothing to continue.");
                }

                break;
            default:
                throw new ArgumentException($"Unknown stimulus {stimulus.GetType().Name}.", nameof(stimulus));
        }

        state.Status = WorkflowStatus.Running;
        state.SubStatus = null;
        await ProcessQueueAsync(burst);
        Settle(burst);
        return BuildResult(burst, before, consumed);
    }

    private async Task ProcessQueueAsync(BurstContext burst)
    {
        var state = burst.State;
        var steps = 0;
        while (state.Status == WorkflowStatus.Running)
        {
            burst.CancellationToken.ThrowIfCancellationRequested();
            if (state.Queue.Count == 0)
            {
                if (!await TryFireReadyJoinAsync(burst))
                {
                    return;
                }

                continue;
            }

            var item = state.Queue[0];
            state.Queue.RemoveAt(0);
            if (++steps > _options.MaxActivitiesPerBurst)
            {
                state.Queue.Insert(0, item);
                var node = burst.Graph.GetNode(item.ActivityId);
                RaiseIncident(burst, node, "burst-limit",
                    $"The instance ran {_options.MaxActivitiesPerBurst:N0} activities in one burst without waiting; it looks like an endless loop.", item.Attempt ?? 1);
                FaultInstance(burst, state.Queue[0]);
                state.Queue.RemoveAt(0);
                return;
            }

            if (burst.Graph.GetActivity(item.ActivityId) is JoinActivity join && item.ResumeBookmark is null)
            {
                await ArriveAtJoinAsync(burst, join, item);
            }
            else
            {
                await RunItemAsync(burst, item);
            }
        }
    }

    private async Task RunItemAsync(BurstContext burst, WorkItem item)
    {
        var state = burst.State;
        var node = burst.Graph.GetNode(item.ActivityId);
        var activity = burst.Graph.GetActivity(item.ActivityId);
        var attempt = item.Attempt ?? 1;
        var runState = state.GetActivityState(node.Id);
        var triggerPayload = string.Equals(burst.TriggerActivityId, node.Id, StringComparison.Ordinal) ? burst.TriggerPayload : null;
        var context = new ActivityExecutionContext(burst, node, activity, attempt, triggerPayload);
        if (item.ResumeBookmark is null)
        {
            if (item.Retry != true)
            {
                runState.Runs++;
            }

            burst.Record(JournalEvents.ActivityStarted, node.Id, node.Type, attempt: attempt);
        }

        var started = burst.Services.Clock.GetTimestamp();
        ActivityResult result;
        try
        {
            result = item.ResumeBookmark is { } bookmark
                ? await activity.ResumeAsync(context, bookmark, item.ResumeInput)
                : await activity.ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (burst.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any activity failure becomes an incident; the process must stay healthy.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HandleFault(burst, node, item, ex, attempt);
            return;
        }

        var duration = burst.Services.Clock.GetElapsedTime(started).TotalMilliseconds;
        await ApplyAsync(burst, context, item, result, duration, attempt);
    }

    private async Task ApplyAsync(BurstContext burst, ActivityExecutionContext context, WorkItem item, ActivityResult result, double duration, int attempt)
    {
        var state = burst.State;
        var node = context.Node;
        if (result.IsSuspended && context.StagedBookmarks.Count == 0 && context.GetActiveBookmarks().Count == 0)
        {
            HandleFault(burst, node, item, new WorkflowFaultException("activity-error", $"Activity '{node.DisplayName}' asked to wait but created no bookmark."), attempt);
            return;
        }

        foreach (var (name, value) in context.StagedVariables)
        {
            state.Variables[name] = value?.DeepClone();
        }

        if (context.StagedOutputs.Count > 0)
        {
            state.ActivityOutputs[node.Id] = context.StagedOutputs.DeepClone();
        }

        foreach (var cancelledId in context.CancelledBookmarkIds)
        {
            state.Bookmarks.RemoveAll(b => string.Equals(b.Id, cancelledId, StringComparison.Ordinal));
        }

        state.Bookmarks.AddRange(context.StagedBookmarks);
        burst.Outbox.AddRange(context.StagedOutbox);
        burst.Effects.AddRange(context.StagedEffects);
        foreach (var line in context.StagedLog)
        {
            burst.Record(JournalEvents.Log, node.Id, node.Type, message: line);
        }

        if (result.IsSuspended)
        {
            burst.Record(JournalEvents.ActivitySuspended, node.Id, node.Type, durationMs: duration, attempt: attempt,
                bookmarkId: string.Join(",", context.StagedBookmarks.Select(b => b.Id)));
            return;
        }

        // Bookmarks the activity still holds (a deadline beside a task) end with it.
        foreach (var leftover in context.GetActiveBookmarks().Where(b => !context.StagedBookmarks.Contains(b)).ToList())
        {
            state.Bookmarks.Remove(leftover);
        }

        burst.Record(JournalEvents.ActivityCompleted, node.Id, node.Type, outcomes: result.Outcomes, durationMs: duration, attempt: attempt);
        if (result.EndsWorkflow)
        {
            await CancelAllAsync(burst, reason: $"Ended by '{node.DisplayName}'.");
            Finish(burst);
            return;
        }

        EmitTokens(burst, node.Id, result.Outcomes);
    }

    private static void EmitTokens(BurstContext burst, string activityId, IReadOnlyList<string> outcomes)
    {
        foreach (var port in outcomes)
        {
            foreach (var connection in burst.Graph.GetOutgoing(activityId, port))
            {
                burst.State.Queue.Add(new WorkItem { ActivityId = connection.Target.Activity, ConnectionKey = connection.Key });
            }
        }
    }

    private async Task ArriveAtJoinAsync(BurstContext burst, JoinActivity join, WorkItem item)
    {
        var node = burst.Graph.GetNode(item.ActivityId);
        var runState = burst.State.GetActivityState(node.Id);
        runState.JoinArrivals ??= [];
        if (item.ConnectionKey is { } key && !runState.JoinArrivals.Contains(key, StringComparer.Ordinal))
        {
            runState.JoinArrivals.Add(key);
        }

        burst.Record(JournalEvents.JoinArrived, node.Id, node.Type, message: item.ConnectionKey);
        var mode = ReadJoinMode(burst, node, join);
        if (mode == JoinMode.WaitAny)
        {
            await FireJoinAsync(burst, node, cancelRivals: true);
        }
        else if (IsWaitAllSatisfied(burst, node))
        {
            await FireJoinAsync(burst, node, cancelRivals: false);
        }
    }

    private async Task<bool> TryFireReadyJoinAsync(BurstContext burst)
    {
        foreach (var (activityId, runState) in burst.State.Activities)
        {
            if (runState.JoinArrivals is not { Count: > 0 } || burst.Graph.GetActivity(activityId) is not JoinActivity)
            {
                continue;
            }

            var node = burst.Graph.GetNode(activityId);
            if (IsWaitAllSatisfied(burst, node))
            {
                await FireJoinAsync(burst, node, cancelRivals: false);
                return true;
            }
        }

        return false;
    }

    /// <summary>WaitAll fires once every inbound connection has delivered, or can no longer deliver, a token.</summary>
    private static bool IsWaitAllSatisfied(BurstContext burst, ActivityNode join)
    {
        var state = burst.State;
        var arrived = state.GetActivityState(join.Id).JoinArrivals ?? [];
        var live = state.Queue.Select(q => q.ActivityId).Concat(state.Bookmarks.Select(b => b.ActivityId)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var inbound in burst.Graph.GetInbound(join.Id))
        {
            if (arrived.Contains(inbound.Key, StringComparer.Ordinal))
            {
                continue;
            }

            if (state.Queue.Any(q => string.Equals(q.ConnectionKey, inbound.Key, StringComparison.Ordinal)))
            {
                return false;
            }

            if (live.Any(l => !string.Equals(l, join.Id, StringComparison.Ordinal) && burst.Graph.CanReach(l, inbound.Source.Activity, avoid: join.Id)))
            {
                return false;
            }
        }

        return true;
    }

    private async Task FireJoinAsync(BurstContext burst, ActivityNode join, bool cancelRivals)
    {
        var state = burst.State;
        if (cancelRivals)
        {
            var graph = burst.Graph;
            foreach (var bookmark in state.Bookmarks.Where(b => graph.CanReach(b.ActivityId, join.Id, avoid: join.Id)).ToList())
            {
                await CancelBookmarkAsync(burst, bookmark, $"Lost the race to '{join.DisplayName}'.");
            }

            foreach (var pending in state.Queue.Where(q => string.Equals(q.ActivityId, join.Id, StringComparison.Ordinal) || graph.CanReach(q.ActivityId, join.Id, avoid: join.Id)).ToList())
            {
                state.Queue.Remove(pending);
                burst.Record(JournalEvents.ActivityCancelled, pending.ActivityId, graph.GetNode(pending.ActivityId).Type, message: $"Token dropped: lost the race to '{join.DisplayName}'.");
            }
        }

        var runState = state.GetActivityState(join.Id);
        var arrivals = runState.JoinArrivals?.Count ?? 0;
        runState.JoinArrivals = null;
        runState.Runs++;
        burst.Record(JournalEvents.ActivityStarted, join.Id, join.Type, attempt: 1);
        burst.Record(JournalEvents.ActivityCompleted, join.Id, join.Type, outcomes: [Ports.Done], durationMs: 0, message: $"{arrivals} branch(es) arrived.");
        EmitTokens(burst, join.Id, [Ports.Done]);
    }

    private JoinMode ReadJoinMode(BurstContext burst, ActivityNode node, JoinActivity join)
    {
        var context = new ActivityExecutionContext(burst, node, join, 1, null);
        var text = context.GetInputString("mode");
        return string.Equals(text, "WaitAny", StringComparison.OrdinalIgnoreCase) ? JoinMode.WaitAny : JoinMode.WaitAll;
    }

    private void HandleFault(BurstContext burst, ActivityNode node, WorkItem item, Exception ex, int attempt)
    {
        var state = burst.State;
        var (code, message) = Describe(ex);
        state.GetActivityState(node.Id).Faults++;
        burst.Record(JournalEvents.ActivityFaulted, node.Id, node.Type, attempt: attempt, message: message);

        if (node.Retry is { } policy && attempt < policy.MaxAttempts)
        {
            var delay = RetryDelays.Compute(policy, attempt);
            var next = item with { Attempt = attempt + 1, Retry = true };
            burst.Record(JournalEvents.ActivityRetryScheduled, node.Id, node.Type, attempt: attempt + 1, message: $"Attempt {attempt + 1} of {policy.MaxAttempts} in {delay.TotalSeconds:0.###} s.");
            if (delay <= TimeSpan.Zero)
            {
                state.Queue.Insert(0, next);
            }
            else
            {
                state.Bookmarks.Add(new Bookmark
                {
                    Id = burst.NewId(),
                    InstanceId = state.Id,
                    ActivityId = node.Id,
                    Kind = BookmarkKinds.Retry,
                    Payload = WorkflowJson.ToNode(next),
                    DueAt = burst.Now + delay,
                    CreatedAt = burst.Now,
                });
            }

            return;
        }

        RaiseIncident(burst, node, code, message, attempt);
        if (burst.Graph.Definition.IncidentStrategy == IncidentStrategy.Fault)
        {
            FaultInstance(burst, item with { Attempt = null, Retry = true });
        }
    }

    private static void RaiseIncident(BurstContext burst, ActivityNode node, string code, string message, int attempt) =>
        burst.State.Incidents.Add(new Incident
        {
            Id = burst.NewId(),
            ActivityId = node.Id,
            ActivityType = node.Type,
            Code = code,
            Message = message,
            Attempt = attempt,
            Timestamp = burst.Now,
        });

    private static void FaultInstance(BurstContext burst, WorkItem failed)
    {
        var state = burst.State;
        state.Status = WorkflowStatus.Faulted;
        state.SubStatus = state.Incidents.LastOrDefault()?.Code;
        state.FaultedWork = failed;
        burst.Record(JournalEvents.WorkflowFaulted, failed.ActivityId, burst.Graph.GetNode(failed.ActivityId).Type, message: state.Incidents.LastOrDefault()?.Message);
    }

    private static (string Code, string Message) Describe(Exception ex) => ex switch
    {
        ExpressionException e => (e.Code, e.Message),
        WorkflowFaultException e => (e.Code, e.Message),
        _ => ("activity-error", ex.Message),
    };

    private async Task CancelAllAsync(BurstContext burst, string reason)
    {
        var state = burst.State;
        foreach (var bookmark in state.Bookmarks.ToList())
        {
            await CancelBookmarkAsync(burst, bookmark, reason);
        }

        foreach (var pending in state.Queue)
        {
            burst.Record(JournalEvents.ActivityCancelled, pending.ActivityId, burst.Graph.GetNode(pending.ActivityId).Type, message: reason);
        }

        state.Queue.Clear();
        foreach (var runState in state.Activities.Values)
        {
            runState.JoinArrivals = null;
        }
    }

    private async Task CancelBookmarkAsync(BurstContext burst, Bookmark bookmark, string reason)
    {
        burst.State.Bookmarks.Remove(bookmark);
        var node = burst.Graph.GetNode(bookmark.ActivityId);
        var activity = burst.Graph.GetActivity(bookmark.ActivityId);
        var context = new ActivityExecutionContext(burst, node, activity, 1, null);
        try
        {
            await activity.OnCancelledAsync(context, bookmark);
            burst.Outbox.AddRange(context.StagedOutbox);
            burst.Effects.AddRange(context.StagedEffects);
        }
#pragma warning disable CA1031 // Cleanup failures are journaled; cancellation itself must go through.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            burst.Record(JournalEvents.Log, node.Id, node.Type, message: $"Cleanup after cancelling bookmark {bookmark.Id} failed: {ex.Message}");
        }

        burst.Record(JournalEvents.ActivityCancelled, node.Id, node.Type, bookmarkId: bookmark.Id, message: reason);
    }

    private static void Settle(BurstContext burst)
    {
        var state = burst.State;
        state.UpdatedAt = burst.Now;
        if (state.Status != WorkflowStatus.Running)
        {
            return;
        }

        if (state.Queue.Count > 0)
        {
            return;
        }

        if (state.Bookmarks.Count == 0)
        {
            Finish(burst);
            return;
        }

        state.Status = WorkflowStatus.Suspended;
        state.SubStatus = string.Join(",", state.Bookmarks.Select(b => b.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static void Finish(BurstContext burst)
    {
        var state = burst.State;
        state.Status = WorkflowStatus.Finished;
        state.SubStatus = null;
        state.FinishedAt = burst.Now;
        state.UpdatedAt = burst.Now;
        var outputs = burst.Graph.Definition.Outputs;
        if (outputs is { Count: > 0 })
        {
            var output = new JsonObject();
            foreach (var declared in outputs)
            {
                output[declared.Name] = state.Variables[declared.SourceVariable]?.DeepClone();
            }

            state.Output = output;
        }

        burst.Record(JournalEvents.WorkflowFinished);
        NotifyParent(burst);
    }

    private static void NotifyParent(BurstContext burst)
    {
        var state = burst.State;
        if (state.ParentInstanceId is null || state.ParentBookmarkId is null)
        {
            return;
        }

        burst.Outbox.Add(new OutboxMessage
        {
            Id = burst.NewId(),
            InstanceId = state.Id,
            Kind = OutboxKinds.ResumeParent,
            CreatedAt = burst.Now,
            Payload = new JsonObject
            {
                ["parentInstanceId"] = state.ParentInstanceId,
                ["parentBookmarkId"] = state.ParentBookmarkId,
                ["childInstanceId"] = state.Id,
                ["status"] = state.Status.ToString(),
                ["output"] = state.Output?.DeepClone(),
            },
        });
    }

    private static BurstResult BuildResult(BurstContext burst, Dictionary<string, Bookmark> before, string? consumed)
    {
        var after = burst.State.Bookmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        return new BurstResult
        {
            State = burst.State,
            Journal = burst.Journal,
            AddedBookmarks = [.. after.Values.Where(b => !before.ContainsKey(b.Id))],
            RemovedBookmarks = [.. before.Values.Where(b => !after.ContainsKey(b.Id))],
            Outbox = burst.Outbox,
            Effects = burst.Effects,
            ConsumedBookmarkId = consumed,
        };
    }
}
