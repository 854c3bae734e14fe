using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Storage;

/// <summary>One page of escalations, newest first.</summary>
public sealed record EscalationPage(IReadOnlyList<EscalationRecord> Items, int Page, int PageSize, int TotalCount);
