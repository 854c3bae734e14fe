using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;

namespace EscalationFlows.Escalations.Storage;

/// <summary>
/// Reads escalation records and their lists. Workflow steps change records only through effects applied in their own
/// transaction; <see cref="ApplyAsync"/> is for changes that come from outside a workflow (a frontline flag through the
/// API), in a transaction of their own with the same rules.
/// </summary>
public interface IEscalationStore
{
    Task<EscalationRecord?> FindAsync(string escalationId, CancellationToken cancellationToken);

    Task<EscalationRecord?> FindByNumberAsync(long number, CancellationToken cancellationToken);

    Task<EscalationRecord?> FindByTriggerInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The escalation of this tracked ticket that is still open (not closed, not returned), if any.</summary>
    Task<EscalationRecord?> FindOpenForTicketAsync(string ticketId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string escalationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommunicationEntry>> GetCommunicationsAsync(string escalationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StageOwnerEntry>> GetStageOwnersAsync(string escalationId, CancellationToken cancellationToken);

    Task<EscalationPage> ListAsync(EscalationFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Applies an effect outside a workflow step (retried on a concurrent change); returns the record after it.</summary>
    Task<EscalationRecord> ApplyAsync(EscalationEffect effect, CancellationToken cancellationToken);
}
