using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Server.Api.Tickets;

namespace EscalationFlows.Server.Api.Escalations;

/// <summary>Everything about one escalation: the record, its timeline, the owner of each stage, the communications, the cited summary, open tasks, where the workflows stand and its SLA.</summary>
public sealed record EscalationDetailsResponse
{
    public required EscalationView Escalation { get; init; }

    public required IReadOnlyList<TimelineEvent> Timeline { get; init; }

    /// <summary>The current owner of each stage the escalation has been in, in stage order.</summary>
    public required IReadOnlyList<StageOwnerView> Owners { get; init; }

    /// <summary>Every naming of a stage owner, oldest first.</summary>
    public required IReadOnlyList<StageOwnerEntry> OwnerHistory { get; init; }

    public required IReadOnlyList<CommunicationEntry> Communications { get; init; }

    public ContextSummary? Summary { get; init; }

    public DateTimeOffset? SummaryAt { get; init; }

    public required IReadOnlyList<EscalationTaskView> OpenTasks { get; init; }

    public required EscalationWorkflowView Workflow { get; init; }

    public required IReadOnlyList<TicketSlaSummary> Sla { get; init; }
}
