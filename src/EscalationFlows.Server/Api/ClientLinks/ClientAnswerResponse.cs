namespace EscalationFlows.Server.Api.ClientLinks;

/// <summary>The receipt of a client's answer.</summary>
public sealed record ClientAnswerResponse(string Outcome, DateTimeOffset ReceivedAt, string Message);
