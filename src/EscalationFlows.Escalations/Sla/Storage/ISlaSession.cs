using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Subjects;
using EscalationFlows.Escalations.Tickets;

namespace EscalationFlows.Escalations.Sla.Storage;

/// <summary>
/// Reads and writes of one unit of work: a transaction of <see cref="ISlaStore.ExecuteAsync{T}"/>, or the transaction of
/// a workflow burst (activities' effects applied by the store's commit participant). Writes are staged and committed
/// together with the timer changes; nothing is visible to others before the commit.
/// </summary>
public interface ISlaSession
{
    Task<TrackedTicket?> FindTicketAsync(string ticketId, CancellationToken cancellationToken);

    Task<TrackedTicket?> FindTicketAsync(string source, string externalId, CancellationToken cancellationToken);

    /// <summary>Stages a new ticket (<see cref="TrackedTicket.Revision"/> 0) or an update of one read before (checked against its revision).</summary>
    Task SaveTicketAsync(TrackedTicket ticket, CancellationToken cancellationToken);

    /// <summary>The clocks of a subject, response first.</summary>
    Task<IReadOnlyList<StoredSlaClock>> GetClocksAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>Stages a new clock (<see cref="StoredSlaClock.Revision"/> 0) or an update of one read before (checked against its revision).</summary>
    Task SaveClockAsync(StoredSlaClock clock, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> open clocks whose policy or calendar has a newer version than the one they use.</summary>
    Task<IReadOnlyList<StoredSlaClock>> FindOutdatedClocksAsync(int max, CancellationToken cancellationToken);

    /// <summary>A policy version; the latest when <paramref name="version"/> is null.</summary>
    Task<SlaPolicyVersion?> GetPolicyAsync(string policyId, int? version, CancellationToken cancellationToken);

    /// <summary>The latest version of every policy, by id.</summary>
    Task<IReadOnlyList<SlaPolicyVersion>> ListPoliciesAsync(CancellationToken cancellationToken);

    /// <summary>Every version of a policy, newest first.</summary>
    Task<IReadOnlyList<SlaPolicyVersion>> GetPolicyVersionsAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>Stages a new version (its number must be latest + 1, or 1); it becomes the latest.</summary>
    Task AddPolicyVersionAsync(SlaPolicy policy, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>A calendar version; the latest when <paramref name="version"/> is null.</summary>
    Task<SlaCalendarVersion?> GetCalendarAsync(string calendarId, int? version, CancellationToken cancellationToken);

    /// <summary>The latest version of every calendar, by id.</summary>
    Task<IReadOnlyList<SlaCalendarVersion>> ListCalendarsAsync(CancellationToken cancellationToken);

    /// <summary>Every version of a calendar, newest first.</summary>
    Task<IReadOnlyList<SlaCalendarVersion>> GetCalendarVersionsAsync(string calendarId, CancellationToken cancellationToken);

    /// <summary>Stages a new calendar version (latest + 1, or 1); it becomes the latest.</summary>
    Task AddCalendarVersionAsync(BusinessCalendarDefinition definition, int version, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the timer or moves the row with its id (new due time, lease reset). Timer writes are staged (the last
    /// write per id wins) and written in this transaction, in a few set-based statements, before it commits.
    /// </summary>
    Task UpsertTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken);

    /// <summary>Deletes the timers with these ids (staged like <see cref="UpsertTimerAsync"/>).</summary>
    Task CancelTimersAsync(IReadOnlyCollection<string> timerIds, CancellationToken cancellationToken);

    /// <summary>Loads the clocks (and tracked tickets) of many subjects in one go, so the operations that follow read no more rows for them.</summary>
    Task PreloadAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken);

    /// <summary>
    /// Stages an outbox message already leased by <paramref name="leaseOwner"/> until <paramref name="leaseUntil"/>, so the
    /// caller can deliver it right after the commit; the outbox dispatcher delivers it when the lease runs out undelivered.
    /// </summary>
    Task AddOutboxMessageAsync(OutboxMessage message, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks outbox messages delivered, in one statement of this transaction.</summary>
    Task MarkOutboxDeliveredAsync(IReadOnlyCollection<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken);
}
