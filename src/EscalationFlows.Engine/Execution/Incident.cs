namespace EscalationFlows.Engine.Execution;

/// <summary>A failure recorded against an activity.</summary>
public sealed record Incident
{
    public required string Id { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    public required string Message { get; init; }

    /// <summary>A stable category: expression-timeout, expression-error, activity-error, burst-limit, ...</summary>
    public required string Code { get; init; }

    public int Attempt { get; init; } = 1;

    public required DateTimeOffset Timestamp { get; init; }

    public bool Resolved { get; init; }
}
