namespace EscalationFlows.Server.Api.Escalations;

/// <summary>The current owner of one stage (the latest naming) and how many times it changed hands.</summary>
public sealed record StageOwnerView(string Stage, string? OwnerId, string OwnerName, DateTimeOffset At, string Reason, string Actor, int Namings);
