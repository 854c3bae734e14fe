using System.Collections.Concurrent;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Stores;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Records the effects it saw and whether it ran inside the store's open transaction.</summary>
public sealed class RecordingParticipant : IBurstCommitParticipant
{
    public ConcurrentQueue<BurstEffect> Effects { get; } = new();

    public bool SawTransaction { get; private set; } = true;

    public Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken)
    {
        SawTransaction &= db.Database.CurrentTransaction is not null;
        foreach (var effect in commit.Result.Effects)
        {
            Effects.Enqueue(effect);
        }

        return Task.CompletedTask;
    }
}
