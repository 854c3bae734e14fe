namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A page of escalations, newest first.</summary>
public sealed record EscalationPageResponse(IReadOnlyList<EscalationSummaryView> Items, int Page, int PageSize, int TotalCount);
