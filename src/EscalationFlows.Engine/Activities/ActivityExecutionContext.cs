using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;

namespace EscalationFlows.Engine.Activities;

/// <summary>
/// One execution (or resumption) of one activity. Writes made through it (variables, outputs, bookmarks,
/// outbox messages, effects) are staged and applied only when the activity returns normally, so a failing
/// activity leaves nothing half-written.
/// </summary>
public sealed class ActivityExecutionContext
{
    private readonly BurstContext _burst;
    private readonly Dictionary<string, JsonNode?> _inputCache = new(StringComparer.Ordinal);
    private ExpressionScope? _scope;

    internal ActivityExecutionContext(BurstContext burst, ActivityNode node, Activity activity, int attempt, JsonNode? triggerPayload)
    {
        _burst = burst;
        Node = node;
        Activity = activity;
        Attempt = attempt;
        TriggerPayload = triggerPayload;
    }

    public ActivityNode Node { get; }

    public Activity Activity { get; }

    public string ActivityId => Node.Id;

    public string InstanceId => _burst.State.Id;

    public string? CorrelationId => _burst.State.CorrelationId;

    public string DefinitionId => _burst.State.DefinitionId;

    public int DefinitionVersion => _burst.State.DefinitionVersion;

    public int Attempt { get; }

    /// <summary>How many times this activity has run in this instance (1 on the first run); loops increase it.</summary>
    public int Run => _burst.State.GetActivityState(ActivityId).Runs;

    /// <summary>For a trigger activity that started the instance: the stimulus payload.</summary>
    public JsonNode? TriggerPayload { get; }

    public DateTimeOffset Now => _burst.Now;

    public TimeProvider Clock => _burst.Services.Clock;

    public IServiceProvider Services => _burst.Services.ServiceProvider;

    public CancellationToken CancellationToken => _burst.CancellationToken;

    /// <summary>Instance-wide data (read-only view): input, variables and activity outputs.</summary>
    public JsonObject WorkflowInput => _burst.State.Input;

    internal Dictionary<string, JsonNode?> StagedVariables { get; } = new(StringComparer.Ordinal);

    internal JsonObject StagedOutputs { get; } = [];

    internal List<Bookmark> StagedBookmarks { get; } = [];

    internal List<OutboxMessage> StagedOutbox { get; } = [];

    internal List<BurstEffect> StagedEffects { get; } = [];

    internal List<string> StagedLog { get; } = [];

    internal List<string> CancelledBookmarkIds { get; } = [];

    public bool HasInput(string name) => Node.GetInput(name) is not null;

    /// <summary>Evaluates an input (its default when absent). Values are cached for this execution.</summary>
    public JsonNode? GetInput(string name)
    {
        if (_inputCache.TryGetValue(name, out var cached))
        {
            return cached?.DeepClone();
        }

        var descriptor = Activity.Descriptor.FindInput(name);
        var binding = Node.GetInput(name);
        JsonNode? value;
        if (binding is null)
        {
            value = descriptor?.Default?.DeepClone();
        }
        else
        {
            try
            {
                value = Evaluate(binding.Expression, descriptor?.Html ?? false);
            }
            catch (ExpressionException ex)
            {
                throw new ExpressionException(ex.Code, $"Input '{name}' of activity '{Node.DisplayName}': {ex.Message}", ex);
            }
        }

        _inputCache[name] = value;
        return value?.DeepClone();
    }

    /// <summary>Evaluates an input and converts it; a value of the wrong shape faults the activity with a clear message.</summary>
    public T? GetInput<T>(string name)
    {
        var node = GetInput(name);
        if (node is null)
        {
            return default;
        }

        try
        {
            return node.Deserialize<T>(WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            throw new WorkflowFaultException("input-type", $"Input '{name}' of activity '{Node.DisplayName}' should be {Describe(typeof(T))} but is {Truncate(node.ToJsonString())}.", ex);
        }
    }

    public T GetRequiredInput<T>(string name) =>
        GetInput<T>(name) ?? throw new WorkflowFaultException("input-missing", $"Input '{name}' of activity '{Node.DisplayName}' has no value.");

    public string? GetInputString(string name)
    {
        var node = GetInput(name);
        return node switch
        {
            null => null,
            JsonValue v when JsonStrings.TryGet(v, out var s) => s,
            _ => node.ToJsonString(),
        };
    }

    /// <summary>Evaluates any expression against the instance's current data.</summary>
    public JsonNode? Evaluate(ExpressionDefinition expression, bool html = false, ExpressionScope? scope = null) =>
        _burst.Services.Expressions.Evaluate(expression, scope ?? GetScope(), html, CancellationToken);

    /// <summary>The data expressions see, including this execution's staged variable writes.</summary>
    public ExpressionScope GetScope()
    {
        if (_scope is null)
        {
            // The scope only reads what it is given; copy the variables only when staged writes must show through.
            var variables = _burst.State.Variables;
            if (StagedVariables.Count > 0)
            {
                variables = (JsonObject)variables.DeepClone();
                foreach (var (name, value) in StagedVariables)
                {
                    variables[name] = value?.DeepClone();
                }
            }

            _scope = new ExpressionScope(_burst.State.Input, variables, _burst.State.ActivityOutputs, new JsonObject
            {
                ["id"] = InstanceId,
                ["correlationId"] = CorrelationId,
                ["definitionId"] = DefinitionId,
                ["version"] = DefinitionVersion,
            });
        }

        return _scope;
    }

    public JsonNode? GetVariable(string name) =>
        StagedVariables.TryGetValue(name, out var staged)
            ? staged?.DeepClone()
            : _burst.State.Variables[name]?.DeepClone();

    public void SetVariable(string name, JsonNode? value)
    {
        StagedVariables[name] = value?.DeepClone();
        _scope = null;
    }

    /// <summary>Sets an output; it is also copied to the variable the node maps it to.</summary>
    public void SetOutput(string name, JsonNode? value)
    {
        StagedOutputs[name] = value?.DeepClone();
        if (Node.Outputs is not null && Node.Outputs.TryGetValue(name, out var variable))
        {
            SetVariable(variable, value);
        }
    }

    /// <summary>Creates a bookmark this activity waits on. Return <see cref="ActivityResult.Suspend"/> afterwards.</summary>
    public Bookmark CreateBookmark(string kind, string? stimulusName = null, JsonNode? payload = null, string? correlationId = null, DateTimeOffset? dueAt = null)
    {
        var bookmark = new Bookmark
        {
            Id = _burst.NewId(),
            InstanceId = InstanceId,
            ActivityId = ActivityId,
            Kind = kind,
            StimulusHash = stimulusName is null ? null : StimulusHash.Compute(kind, stimulusName),
            CorrelationId = correlationId,
            Payload = payload?.DeepClone(),
            DueAt = dueAt,
            CreatedAt = Now,
        };
        StagedBookmarks.Add(bookmark);
        return bookmark;
    }

    /// <summary>The bookmarks this activity still holds in the instance (for example a deadline beside a task).</summary>
    public IReadOnlyList<Bookmark> GetActiveBookmarks() =>
        [.. _burst.State.Bookmarks.Where(b => string.Equals(b.ActivityId, ActivityId, StringComparison.Ordinal) && !CancelledBookmarkIds.Contains(b.Id))];

    /// <summary>Drops another bookmark this activity holds (for example the deadline timer once the task is done).</summary>
    public void CancelBookmark(string bookmarkId) => CancelledBookmarkIds.Add(bookmarkId);

    /// <summary>Queues a side effect for at-least-once delivery after the burst commits. Returns its idempotency key.</summary>
    public string SendOutbox(string kind, JsonNode payload)
    {
        var message = new OutboxMessage
        {
            Id = _burst.NewId(),
            InstanceId = InstanceId,
            Kind = kind,
            Payload = payload.DeepClone(),
            CreatedAt = Now,
        };
        StagedOutbox.Add(message);
        return message.Id;
    }

    /// <summary>Asks for a domain write applied in the burst's transaction.</summary>
    public void RecordEffect(string kind, JsonNode payload) =>
        StagedEffects.Add(new BurstEffect { Kind = kind, InstanceId = InstanceId, ActivityId = ActivityId, Payload = payload.DeepClone() });

    /// <summary>Adds a message to the journal.</summary>
    public void Log(string message) => StagedLog.Add(message);

    public string NewId() => _burst.NewId();

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? "a string"
            : t == typeof(bool) ? "true or false"
            : t == typeof(int) || t == typeof(long) ? "an integer"
            : t == typeof(double) || t == typeof(decimal) ? "a number"
            : t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) ? "a list"
            : "an object of the documented shape";
    }

    private static string Truncate(string json) => json.Length <= 120 ? json : json[..117] + "...";
}
