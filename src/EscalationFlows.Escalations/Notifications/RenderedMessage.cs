namespace EscalationFlows.Escalations.Notifications;

/// <summary>A message after its templates ran.</summary>
public sealed record RenderedMessage(string Subject, string Text, string? Html);
