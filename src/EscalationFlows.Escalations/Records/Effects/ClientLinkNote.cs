namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>A client link issued by an activity: stored with the step so it can be verified, revoked and used up.</summary>
public sealed record ClientLinkNote(string Id, string Purpose, string SubjectId, DateTimeOffset ExpiresAt);
