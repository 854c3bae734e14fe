namespace EscalationFlows.Server.Api.Escalations;

/// <summary>The client's answer: an optional comment when confirming, the reason when it is not resolved.</summary>
public sealed class ClientConfirmationRequest
{
    public string? Comment { get; set; }
}
