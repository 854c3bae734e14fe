namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>Moves a team's round-robin cursor from <see cref="ExpectedLastUserId"/> to <see cref="LastUserId"/> (compare and set).</summary>
public sealed record CursorMove(string Team, string? ExpectedLastUserId, string LastUserId);
