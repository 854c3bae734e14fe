namespace EscalationFlows.Engine.Definitions;

public sealed record ConnectionEndpoint
{
    public required string Activity { get; init; }

    public string? Port { get; init; }
}
