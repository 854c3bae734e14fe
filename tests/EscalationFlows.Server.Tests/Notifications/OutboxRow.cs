namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>One row of wf_outbox as the tests read it.</summary>
public sealed record OutboxRow(string Id, string InstanceId, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);
