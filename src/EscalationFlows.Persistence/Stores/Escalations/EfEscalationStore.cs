using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>Escalation records on the configured database (<see cref="IEscalationStore"/>).</summary>
internal sealed class EfEscalationStore : IEscalationStore
{
    private const int MaxAttempts = 5;

    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;
    private readonly EscalationEffectWriter _writer;

    public EfEscalationStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect, EscalationEffectWriter writer)
    {
        _contexts = contexts;
        _dialect = dialect;
        _writer = writer;
    }

    public Task<EscalationRecord?> FindAsync(string escalationId, CancellationToken cancellationToken) =>
        FirstAsync(e => e.Id == escalationId, cancellationToken);

    public Task<EscalationRecord?> FindByNumberAsync(long number, CancellationToken cancellationToken) =>
        FirstAsync(e => e.Number == number, cancellationToken);

    public Task<EscalationRecord?> FindByTriggerInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        FirstAsync(e => e.TriggerInstanceId == instanceId, cancellationToken);

    public Task<EscalationRecord?> FindOpenForTicketAsync(string ticketId, CancellationToken cancellationToken) =>
        FirstAsync(e => e.ActiveTicketId == ticketId, cancellationToken);

    public async Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string escalationId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EscalationTimeline.AsNoTracking().Where(t => t.EscalationId == escalationId).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return [.. rows.Select(EscalationRowMapping.ToEvent)];
    }

    /// <summary>The messages; mail and webhooks report their delivery from the outbox (sent, or retrying after a failure).</summary>
    public async Task<IReadOnlyList<CommunicationEntry>> GetCommunicationsAsync(string escalationId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EscalationCommunications.AsNoTracking()
            .Where(c => c.EscalationId == escalationId)
            .OrderBy(c => c.Sequence)
            .GroupJoin(db.Outbox.AsNoTracking(), c => c.OutboxMessageId, o => o.Id, (c, o) => new { c, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { Row = x.c, Delivered = o == null ? (DateTimeOffset?)null : o.DeliveredAt, Error = o == null ? null : o.LastError })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => EscalationRowMapping.ToEntry(r.Row, r.Row.Status != CommunicationStatuses.Queued
            ? null
            : r.Delivered is not null ? CommunicationStatuses.Sent : r.Error is not null ? CommunicationStatuses.Retrying : null))];
    }

    public async Task<IReadOnlyList<StageOwnerEntry>> GetStageOwnersAsync(string escalationId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EscalationStageOwners.AsNoTracking().Where(o => o.EscalationId == escalationId).OrderBy(o => o.Sequence).ToListAsync(cancellationToken);
        return [.. rows.Select(EscalationRowMapping.ToEntry)];
    }

    public async Task<EscalationPage> ListAsync(EscalationFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Escalations.AsNoTracking();
        if (filter.Stage is { } stage)
        {
            query = query.Where(e => e.Stage == stage);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(e => e.Priority == priority);
        }

        if (EscalationRowMapping.Key(filter.Team) is { } team)
        {
            query = query.Where(e => e.ResolutionTeamKey == team);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(e => e.OwnerId == owner);
        }

        if (EscalationRowMapping.Key(filter.Client) is { } client)
        {
            query = query.Where(e => e.ClientKey == client);
        }

        if (filter.SlaStatus is { } sla)
        {
            query = query.Where(e => e.SlaStatus == sla);
        }

        if (filter.Open is { } open)
        {
            query = open
                ? query.Where(e => e.Stage != EscalationStages.Closed && e.Stage != EscalationStages.ReturnedToHandler)
                : query.Where(e => e.Stage == EscalationStages.Closed || e.Stage == EscalationStages.ReturnedToHandler);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new EscalationPage([.. rows.Select(EscalationRowMapping.ToRecord)], page, pageSize, total);
    }

    public async Task<EscalationRecord> ApplyAsync(EscalationEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var records = await _writer.WriteAsync(db, [effect], instanceId: "api", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return records[effect.EscalationId];
            }
            catch (Exception ex) when (attempt < MaxAttempts && (ex is DbUpdateConcurrencyException || _dialect.IsConflict(ex)))
            {
                // Another step changed the escalation first: read it again and apply on top.
            }
        }
    }

    private async Task<EscalationRecord?> FirstAsync(System.Linq.Expressions.Expression<Func<Entities.EscalationRow, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(predicate, cancellationToken);
        return row is null ? null : EscalationRowMapping.ToRecord(row);
    }
}
