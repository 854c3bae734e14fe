using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>What the applier needs, on the committing context (so the number and the record commit or vanish together).</summary>
internal sealed class EfEscalationApplyServices : IEscalationApplyServices
{
    private readonly EscalationFlowsDbContext _db;
    private readonly Dictionary<string, DirectoryUser?> _users = new(StringComparer.OrdinalIgnoreCase);

    public EfEscalationApplyServices(EscalationFlowsDbContext db)
    {
        _db = db;
    }

    public async Task<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        // An UPDATE first: it locks the counter row until this transaction ends (PostgreSQL), and SQLite transactions
        // are IMMEDIATE; a concurrent step waits and then counts on from our value, or from the old one if we roll back.
        var updated = await _db.EscalationCounters.Where(c => c.Name == EscalationCounterRow.Escalation)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
        if (updated == 0)
        {
            _db.EscalationCounters.Add(new EscalationCounterRow { Name = EscalationCounterRow.Escalation, Value = 1 });
            return 1;
        }

        return await _db.EscalationCounters.AsNoTracking().Where(c => c.Name == EscalationCounterRow.Escalation).Select(c => c.Value).SingleAsync(cancellationToken);
    }

    public async Task<DirectoryUser?> FindUserAsync(string idOrEmail, CancellationToken cancellationToken)
    {
        if (!_users.TryGetValue(idOrEmail, out var user))
        {
            user = await DirectoryQueries.FindUserAsync(_db, idOrEmail, cancellationToken);
            _users[idOrEmail] = user;
        }

        return user;
    }

    public Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        DirectoryQueries.UsersInRoleAsync(_db, role, cancellationToken);
}
