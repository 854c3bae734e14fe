namespace EscalationFlows.Server.Api.Instances;

/// <summary>Optional body of the cancel endpoint.</summary>
public sealed class CancelInstanceRequest
{
    public string? Reason { get; init; }
}
