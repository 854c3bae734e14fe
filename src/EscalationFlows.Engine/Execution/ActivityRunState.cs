namespace EscalationFlows.Engine.Execution;

/// <summary>What the engine remembers per activity across bursts.</summary>
public sealed class ActivityRunState
{
    public int Runs { get; set; }

    public int Faults { get; set; }

    /// <summary>Inbound connections that delivered a token to a join that has not fired yet.</summary>
    public List<string>? JoinArrivals { get; set; }
}
