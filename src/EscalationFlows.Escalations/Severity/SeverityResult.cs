namespace EscalationFlows.Escalations.Severity;

/// <summary>A classification: priority (1..5), its label, the matrix priority before rules, and why.</summary>
public sealed record SeverityResult(int Priority, string Label, int MatrixPriority, string Profile, IReadOnlyList<string> Reasons);
