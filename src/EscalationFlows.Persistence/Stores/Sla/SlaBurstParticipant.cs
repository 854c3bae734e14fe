using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Persistence.Providers;

namespace EscalationFlows.Persistence.Stores.Sla;

/// <summary>
/// Applies the SLA activities' effects (<see cref="SlaEffect.Kind"/>) inside the burst's transaction: the clock rows and
/// the threshold timers they move commit together with the workflow step, or not at all.
/// </summary>
internal sealed class SlaBurstParticipant : IBurstCommitParticipant
{
    private readonly SlaClockService _service;
    private readonly StoreDialect _dialect;
    private readonly SlaDocumentCache _cache;
    private readonly TimeProvider _clock;

    public SlaBurstParticipant(SlaClockService service, StoreDialect dialect, SlaDocumentCache cache, TimeProvider clock)
    {
        _service = service;
        _dialect = dialect;
        _cache = cache;
        _clock = clock;
    }

    public async Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        EfSlaSession? session = null;
        foreach (var effect in commit.Result.Effects)
        {
            if (effect.Kind != SlaEffect.Kind)
            {
                continue;
            }

            session ??= new EfSlaSession(db, _dialect, _cache, readOnly: false);
            await _service.ApplyEffectAsync(session, SlaEffect.FromJson(effect.Payload), _clock.GetUtcNow(), cancellationToken);
        }

        if (session is not null)
        {
            await session.FlushAsync(cancellationToken);
        }
    }
}
