namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>A saved policy or calendar version; <paramref name="Created"/> is false when the content equalled the latest version (nothing saved).</summary>
public sealed record SlaSaveResult<T>(T Saved, int Version, bool Created);
