using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Escalations.Activities;

/// <summary>What the escalation activities share: their category, the escalation id input, reading the record, recording effects.</summary>
public static class EscalationActivitySupport
{
    /// <summary>The palette category of the escalation activities.</summary>
    public const string Category = "Escalations";

    public static InputDescriptor EscalationId { get; } = new()
    {
        Name = "escalationId",
        DisplayName = "Escalation id",
        Description = "The escalation this step is about. Default: the instance's correlation id (the lifecycle workflows run with the escalation id as correlation id).",
        Type = "string",
        DefaultExpressionType = ExpressionType.JavaScript,
    };

    /// <summary>The escalation id input, else the correlation id; faults when neither is set.</summary>
    public static string ReadEscalationId(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.HasInput(EscalationId.Name) ? context.GetInputString(EscalationId.Name) : null;
        id = string.IsNullOrWhiteSpace(id) ? context.CorrelationId : id.Trim();
        return string.IsNullOrWhiteSpace(id)
            ? throw new WorkflowFaultException("escalation-unknown", $"'{context.Node.DisplayName}' does not know which escalation it is about: set its escalationId input or run the workflow with the escalation id as correlation id.")
            : id;
    }

    /// <summary>The record as committed so far; faults when there is none.</summary>
    public static async Task<EscalationRecord> RequireRecordAsync(ActivityExecutionContext context, string escalationId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Services.GetRequiredService<IEscalationStore>();
        return await store.FindAsync(escalationId, context.CancellationToken)
            ?? throw new WorkflowFaultException("escalation-unknown", $"There is no escalation '{escalationId}'.");
    }

    /// <summary>An empty effect for this step: its time and source (<c>workflow:{definition}/{activity}</c>).</summary>
    public static EscalationEffect NewEffect(ActivityExecutionContext context, string escalationId) => new()
    {
        EscalationId = escalationId,
        At = context.Now,
        Source = $"workflow:{context.DefinitionId}/{context.ActivityId}",
    };

    public static void Record(ActivityExecutionContext context, EscalationEffect effect)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(effect);
        context.RecordEffect(EscalationEffect.Kind, effect.ToJson());
    }

    public static string? Text(ActivityExecutionContext context, string input)
    {
        var text = context.GetInputString(input);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>An integer input given as a number or a numeric text; null when empty.</summary>
    public static int? Integer(ActivityExecutionContext context, string input)
    {
        var node = context.GetInput(input);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsInteger(d) => (int)d,
            JsonValue v when JsonStrings.TryGet(v, out var s) && string.IsNullOrWhiteSpace(s) => null,
            JsonValue v when JsonStrings.TryGet(v, out var s) && int.TryParse(s.Trim().TrimStart('P', 'p'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new WorkflowFaultException("input-type", $"Input '{input}' of '{context.Node.DisplayName}' should be a whole number but is {node.ToJsonString()}."),
        };
    }

    public static double? Number(ActivityExecutionContext context, string input)
    {
        var node = context.GetInput(input);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValue v when JsonStrings.TryGet(v, out var s) && string.IsNullOrWhiteSpace(s) => null,
            JsonValue v when JsonStrings.TryGet(v, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new WorkflowFaultException("input-type", $"Input '{input}' of '{context.Node.DisplayName}' should be a number but is {node.ToJsonString()}."),
        };
    }

    public static bool Flag(ActivityExecutionContext context, string input, bool fallback = false)
    {
        var node = context.GetInput(input);
        return node switch
        {
            null => fallback,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            JsonValue v when JsonStrings.TryGet(v, out var s) && bool.TryParse(s.Trim(), out var b) => b,
            _ => throw new WorkflowFaultException("input-type", $"Input '{input}' of '{context.Node.DisplayName}' should be true or false but is {node.ToJsonString()}."),
        };
    }

    /// <summary>A list of texts: an array of strings, or one text (empty for null).</summary>
    public static IReadOnlyList<string> Texts(ActivityExecutionContext context, string input)
    {
        var node = context.GetInput(input);
        return node switch
        {
            null => [],
            JsonArray items => [.. items.Select(i => i is JsonValue v && JsonStrings.TryGet(v, out var s) ? s.Trim() : i?.ToJsonString() ?? string.Empty).Where(s => s.Length > 0)],
            JsonValue v when JsonStrings.TryGet(v, out var s) => string.IsNullOrWhiteSpace(s) ? [] : [s.Trim()],
            _ => throw new WorkflowFaultException("input-type", $"Input '{input}' of '{context.Node.DisplayName}' should be a list of texts but is {node.ToJsonString()}."),
        };
    }

    /// <summary>A duration input (ISO 8601, positive) or its default.</summary>
    public static TimeSpan Duration(ActivityExecutionContext context, string input, TimeSpan fallback)
    {
        var text = Text(context, input);
        if (text is null)
        {
            return fallback;
        }

        return Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new WorkflowFaultException("input-type", $"'{input}' of '{context.Node.DisplayName}' is '{text}', which is not a positive duration; write ISO 8601 such as P3D.");
    }

    /// <summary>The error pointer of a literal input's value.</summary>
    public static string ValuePointer(ActivityValidationContext context, string input) => $"{context.InputPointer(input)}/expression/value";
}
