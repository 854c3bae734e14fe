namespace EscalationFlows.Engine.Runtime;

/// <summary>One page of instance summaries and how many instances match in all.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Page, int PageSize, long TotalCount);
