namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>One case of a Switch: the port to continue on when the JavaScript condition is true.</summary>
public sealed record SwitchCase
{
    public required string Port { get; init; }

    public required string Condition { get; init; }
}
