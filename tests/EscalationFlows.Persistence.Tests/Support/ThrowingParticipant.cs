using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Stores;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>A participant that fails the commit when <see cref="Armed"/> is set, after the engine rows were staged.</summary>
public sealed class ThrowingParticipant : IBurstCommitParticipant
{
    public bool Armed { get; set; }

    public int Calls { get; private set; }

    public Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken)
    {
        Calls++;
        if (Armed)
        {
            // Prove the rows were staged on this very context before the failure.
            Assert.NotEmpty(db.ChangeTracker.Entries());
            throw new InvalidOperationException("Participant failed (test).");
        }

        return Task.CompletedTask;
    }
}
