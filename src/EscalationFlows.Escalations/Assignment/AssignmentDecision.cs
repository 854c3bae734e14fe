using EscalationFlows.Escalations.Storage;

namespace EscalationFlows.Escalations.Assignment;

/// <summary>Who was picked, by which strategy, from which candidates, and why (in words for the timeline).</summary>
public sealed record AssignmentDecision(DirectoryUser Owner, string Strategy, IReadOnlyList<string> Candidates, string Reason);
