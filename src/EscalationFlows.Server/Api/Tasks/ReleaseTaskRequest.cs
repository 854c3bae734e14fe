namespace EscalationFlows.Server.Api.Tasks;

/// <summary>Optional body of release.</summary>
public sealed class ReleaseTaskRequest
{
    public string? Reason { get; init; }
}
