using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Persistence.Stores;

/// <summary>
/// Writes domain rows that belong to a burst (human tasks, escalation records, SLA clocks) atomically with it.
/// <para>
/// <see cref="EfWorkflowStore.CommitAsync"/> calls every registered participant, in registration order, inside the
/// burst's database transaction, after the engine's own rows (instance, bookmarks, timers, journal, incidents, outbox,
/// idempotency record) were staged and before the single <c>SaveChanges</c>. A participant adds or changes entities
/// on <paramref name="db"/> (or runs set-based statements on it, which join the same transaction); it must not call
/// <c>SaveChanges</c>, commit, or open its own transaction. The burst's <see cref="Engine.Execution.BurstResult.Effects"/>
/// are meant for participants: the store itself writes nothing for them.
/// </para>
/// <para>
/// If a participant throws, nothing of the burst is written (no instance change, bookmark, journal, outbox row) and
/// the exception reaches the caller unchanged. Register participants as singletons
/// (<c>services.AddSingleton&lt;IBurstCommitParticipant, MyParticipant&gt;()</c>); the store resolves them once.
/// Their entity types must be part of the model (<see cref="EscalationFlowsDbContext"/>).
/// </para>
/// </summary>
public interface IBurstCommitParticipant
{
    Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken);
}
