using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Activities;

/// <summary>
/// What the designer palette and property panel are generated from, and what validation checks a node against.
/// </summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = string.Empty;

    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    /// <summary>The bookmark kind a blocking activity suspends on (Event, Timer, HumanTask, ...).</summary>
    public string? BookmarkKind { get; init; }

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>Fixed outcome ports. Activities with dynamic ports list the always-present ones here.</summary>
    public IReadOnlyList<string> Ports { get; init; } = [Definitions.Ports.Done];

    /// <summary>
    /// When set, more ports come from this input's literal value: an array of names, or of objects whose
    /// <c>port</c> (or <c>name</c>) property names the port.
    /// </summary>
    public string? PortsFromInput { get; init; }

    /// <summary>Whether the activity may be the first one run when an instance starts.</summary>
    public bool IsStart { get; init; }

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));
}
