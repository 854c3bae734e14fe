using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// The data an expression sees, as plain JSON: <c>input</c>, <c>vars</c>, <c>outputs</c> (per activity id),
/// <c>instance</c>, and every workflow input and variable by its own name (variables win on a clash).
/// </summary>
public sealed class ExpressionScope
{
    private readonly JsonObject _root;

    public ExpressionScope(JsonObject input, JsonObject variables, JsonObject activityOutputs, JsonObject instance)
    {
        _root = new JsonObject();
        foreach (var (name, value) in input)
        {
            _root[name] = value?.DeepClone();
        }

        foreach (var (name, value) in variables)
        {
            _root[name] = value?.DeepClone();
        }

        _root["input"] = input.DeepClone();
        _root["vars"] = variables.DeepClone();
        _root["outputs"] = activityOutputs.DeepClone();
        _root["instance"] = instance.DeepClone();
    }

    private ExpressionScope(JsonObject root)
    {
        _root = root;
    }

    /// <summary>A scope with one more top-level name (for example <c>result</c> or <c>item</c>).</summary>
    public ExpressionScope With(string name, JsonNode? value)
    {
        var copy = (JsonObject)_root.DeepClone();
        copy[name] = value?.DeepClone();
        return new ExpressionScope(copy);
    }

    public JsonObject Root => _root;

    public string ToJson() => _root.ToJsonString();

    public static ExpressionScope Empty() => new([], [], [], []);
}
