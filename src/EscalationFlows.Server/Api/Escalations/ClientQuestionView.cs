namespace EscalationFlows.Server.Api.Escalations;

/// <summary>What the client is asked, and how to answer (POST with the same token).</summary>
public sealed record ClientQuestionView(string Text, string ConfirmPath, string RejectPath, DateTimeOffset ExpiresAt);
