namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A message on the client page: from "us" (the support team) or "you" (the client).</summary>
public sealed record ClientMessageView(DateTimeOffset At, string From, string Channel, string? Subject, string Body);
