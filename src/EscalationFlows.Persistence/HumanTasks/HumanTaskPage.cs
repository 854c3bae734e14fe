using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>One page of tasks and how many match in all.</summary>
public sealed record HumanTaskPage(IReadOnlyList<HumanTaskRow> Items, int Page, int PageSize, long TotalCount);
