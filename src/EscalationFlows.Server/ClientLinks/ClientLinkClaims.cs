namespace EscalationFlows.Server.ClientLinks;

/// <summary>What a correctly signed client-link token says: which link, for what, about what, until when.</summary>
public sealed record ClientLinkClaims(string LinkId, string Purpose, string SubjectId, DateTimeOffset ExpiresAt);
