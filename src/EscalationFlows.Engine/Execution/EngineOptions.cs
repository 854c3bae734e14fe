namespace EscalationFlows.Engine.Execution;

/// <summary>Limits of the executor. Bound from the <c>Engine</c> configuration section.</summary>
public sealed class EngineOptions
{
    /// <summary>Activity executions one burst may perform before the instance faults (catches endless loops).</summary>
    public int MaxActivitiesPerBurst { get; set; } = 10_000;
}
