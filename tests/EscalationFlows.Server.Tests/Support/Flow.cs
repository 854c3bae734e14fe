using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Builds definition JSON in tests without the noise of the full format.</summary>
public sealed class Flow
{
    private readonly JsonObject _root;
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public Flow(string definitionId, string? incidentStrategy = null)
    {
        _root = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["version"] = 1,
            ["name"] = definitionId,
        };
        if (incidentStrategy is not null)
        {
            _root["options"] = new JsonObject { ["incidentStrategy"] = incidentStrategy };
        }
    }

    public Flow Version(int version)
    {
        _root["version"] = version;
        return this;
    }

    public Flow Variable(string name, JsonNode? initial = null)
    {
        var v = new JsonObject { ["name"] = name };
        if (initial is not null)
        {
            v["default"] = initial;
        }

        _variables.Add(v);
        return this;
    }

    public Flow Inputs(JsonArray inputs)
    {
        _root["inputs"] = inputs;
        return this;
    }

    public Flow Outputs(JsonArray outputs)
    {
        _root["outputs"] = outputs;
        return this;
    }

    /// <summary>Adds an activity; inputs are (name, expression type, value) triples.</summary>
    public Flow Add(string id, string type, params (string Name, string Kind, JsonNode? Value)[] inputs) => Add(id, type, null, inputs);

    public Flow Add(string id, string type, JsonObject? extra, params (string Name, string Kind, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type };
        if (inputs.Length > 0)
        {
            var bindings = new JsonObject();
            foreach (var (name, kind, value) in inputs)
            {
                var expression = new JsonObject { ["type"] = kind };
                if (value is not null)
                {
                    expression["value"] = value;
                }

                bindings[name] = new JsonObject { ["expression"] = expression };
            }

            activity["inputs"] = bindings;
        }

        foreach (var (key, value) in extra ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        _activities.Add(activity);
        return this;
    }

    public Flow Connect(string from, string to, string? port = null)
    {
        var source = new JsonObject { ["activity"] = from };
        if (port is not null)
        {
            source["port"] = port;
        }

        _connections.Add(new JsonObject { ["source"] = source, ["target"] = new JsonObject { ["activity"] = to } });
        return this;
    }

    /// <summary>Connects a chain: a → b → c (each on Done).</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            Connect(ids[i], ids[i + 1]);
        }

        return this;
    }

    public JsonObject ToJsonObject()
    {
        var copy = (JsonObject)_root.DeepClone();
        if (_variables.Count > 0)
        {
            copy["variables"] = _variables.DeepClone();
        }

        copy["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        };
        return copy;
    }

    public string Json => ToJsonObject().ToJsonString();

    public static (string, string, JsonNode?) Literal(string name, JsonNode? value) => (name, "literal", value);

    public static (string, string, JsonNode?) Js(string name, string code) => (name, "javascript", code);

    public static (string, string, JsonNode?) Template(string name, string text) => (name, "template", text);
}
