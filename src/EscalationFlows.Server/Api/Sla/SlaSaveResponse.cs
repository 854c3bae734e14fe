namespace EscalationFlows.Server.Api.Sla;

/// <summary>The answer to saving a policy or calendar: the version in effect and how many open clocks moved to it.</summary>
/// <param name="Created">False when the document equalled the latest version (nothing saved).</param>
/// <param name="OpenClocksUpdated">Open clocks given the new targets, thresholds or business hours (and rescheduled timers).</param>
/// <param name="Saved">The version now in effect.</param>
public sealed record SlaSaveResponse<T>(bool Created, int OpenClocksUpdated, T Saved);
