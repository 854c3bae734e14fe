namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A frontline flag: why, and whether the priority goes up one step.</summary>
public sealed class FlagEscalationRequest
{
    public string? Reason { get; set; }

    public bool? RaisePriority { get; set; }
}
