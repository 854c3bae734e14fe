namespace EscalationFlows.Server.Api.Tasks;

/// <summary>One page of the inbox.</summary>
public sealed record TaskPageResponse(IReadOnlyList<TaskSummaryResponse> Items, int Page, int PageSize, long TotalCount);
