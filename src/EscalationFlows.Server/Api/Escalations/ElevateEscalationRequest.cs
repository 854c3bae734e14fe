namespace EscalationFlows.Server.Api.Escalations;

/// <summary>An elevation by hand: why (required; it goes on the timeline and to leadership's record of the escalation).</summary>
public sealed class ElevateEscalationRequest
{
    public string? Reason { get; set; }
}
