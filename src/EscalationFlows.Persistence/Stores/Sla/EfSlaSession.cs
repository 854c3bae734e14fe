using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Sla.Subjects;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Sla;

/// <summary>
/// <see cref="ISlaSession"/> on one <see cref="EscalationFlowsDbContext"/> and its open transaction: entity changes are
/// staged for the caller's single <c>SaveChanges</c>; timer upserts and deletes run as statements in the same
/// transaction. Rows read here are tracked, so a clock written twice in one session (two effects of one burst) sees
/// its own staged state. Every update is checked against the revision the caller read.
/// </summary>
internal sealed class EfSlaSession : ISlaSession
{
    private readonly EscalationFlowsDbContext _db;
    private readonly StoreDialect _dialect;
    private readonly SlaDocumentCache _cache;
    private readonly bool _readOnly;

    public EfSlaSession(EscalationFlowsDbContext db, StoreDialect dialect, SlaDocumentCache cache, bool readOnly)
    {
        _db = db;
        _dialect = dialect;
        _cache = cache;
        _readOnly = readOnly;
    }

    public async Task<TrackedTicket?> FindTicketAsync(string ticketId, CancellationToken cancellationToken)
    {
        var row = _db.Tickets.Local.FirstOrDefault(t => t.Id == ticketId)
            ?? await Query(_db.Tickets).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        return row is null ? null : SlaRowMapping.ToTicket(row);
    }

    public async Task<TrackedTicket?> FindTicketAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        var row = _db.Tickets.Local.FirstOrDefault(t => t.Source == source && t.ExternalId == externalId)
            ?? await Query(_db.Tickets).FirstOrDefaultAsync(t => t.Source == source && t.ExternalId == externalId, cancellationToken);
        return row is null ? null : SlaRowMapping.ToTicket(row);
    }

    public async Task SaveTicketAsync(TrackedTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireWritable();
        var row = _db.Tickets.Local.FirstOrDefault(t => t.Id == ticket.Id);
        if (row is null && ticket.Revision == 0)
        {
            _db.Tickets.Add(SlaRowMapping.ToRow(ticket));
            return;
        }

        row ??= await _db.Tickets.FirstOrDefaultAsync(t => t.Id == ticket.Id, cancellationToken);
        if (row is null || row.Revision != ticket.Revision)
        {
            throw new ConcurrencyConflictException($"Ticket '{ticket.Id}' was changed by another writer.");
        }

        SlaRowMapping.Copy(ticket, row);
        row.Revision = ticket.Revision + 1;
    }

    public async Task<IReadOnlyList<StoredSlaClock>> GetClocksAsync(string subjectId, CancellationToken cancellationToken)
    {
        var rows = await Query(_db.SlaClocks).Where(c => c.SubjectId == subjectId).ToListAsync(cancellationToken);
        if (!_readOnly)
        {
            // Clocks added earlier in this session are not in the database yet.
            rows = [.. rows.Union(_db.SlaClocks.Local.Where(c => c.SubjectId == subjectId))];
        }

        return [.. rows.Select(SlaRowMapping.ToClock).OrderBy(c => c.Metric)];
    }

    public async Task SaveClockAsync(StoredSlaClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RequireWritable();
        var metric = SlaRowMapping.MetricName(clock.Metric);
        var row = _db.SlaClocks.Local.FirstOrDefault(c => c.SubjectId == clock.SubjectId && c.Metric == metric);
        if (row is null && clock.Revision == 0)
        {
            _db.SlaClocks.Add(SlaRowMapping.ToRow(clock));
            return;
        }

        row ??= await _db.SlaClocks.FirstOrDefaultAsync(c => c.SubjectId == clock.SubjectId && c.Metric == metric, cancellationToken);
        if (row is null || row.Revision != clock.Revision)
        {
            throw new ConcurrencyConflictException($"The {metric} clock of '{clock.SubjectId}' was changed by another writer.");
        }

        SlaRowMapping.Copy(clock, row);
        row.Revision = clock.Revision + 1;
    }

    public async Task<IReadOnlyList<StoredSlaClock>> FindOutdatedClocksAsync(int max, CancellationToken cancellationToken)
    {
        var query =
            from c in _db.SlaClocks
            where c.StoppedAt == null
            join p in _db.SlaPolicies.Where(p => p.IsLatest) on c.PolicyId equals p.Id
            join k in _db.SlaCalendars.Where(k => k.IsLatest) on c.CalendarId equals k.Id
            where p.Version != c.PolicyVersion || k.Version != c.CalendarVersion || (!c.CalendarOverridden && p.CalendarId != c.CalendarId)
            orderby c.SubjectId, c.Metric
            select c;
        var rows = await Query(query).Take(max).ToListAsync(cancellationToken);
        return [.. rows.Select(SlaRowMapping.ToClock)];
    }

    public async Task<SlaPolicyVersion?> GetPolicyAsync(string policyId, int? version, CancellationToken cancellationToken)
    {
        var added = _db.SlaPolicies.Local.FirstOrDefault(p => p.Id == policyId && (version == null ? p.IsLatest : p.Version == version));
        if (added is not null)
        {
            return _cache.Policy(added, committed: false);
        }

        if (version is { } v && _cache.TryGetPolicy(policyId, v, out var cached))
        {
            return cached;
        }

        var head = await _db.SlaPolicies.AsNoTracking()
            .Where(p => p.Id == policyId && (version == null ? p.IsLatest : p.Version == version))
            .Select(p => new { p.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        if (_cache.TryGetPolicy(policyId, head.Version, out var hit))
        {
            return hit;
        }

        var row = await _db.SlaPolicies.AsNoTracking().FirstAsync(p => p.Id == policyId && p.Version == head.Version, cancellationToken);
        return _cache.Policy(row, committed: true);
    }

    public async Task<IReadOnlyList<SlaPolicyVersion>> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.SlaPolicies.AsNoTracking().Where(p => p.IsLatest).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => _cache.Policy(r, committed: true))];
    }

    public async Task<IReadOnlyList<SlaPolicyVersion>> GetPolicyVersionsAsync(string policyId, CancellationToken cancellationToken)
    {
        var rows = await _db.SlaPolicies.AsNoTracking().Where(p => p.Id == policyId).OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(r => _cache.Policy(r, committed: true))];
    }

    public async Task AddPolicyVersionAsync(SlaPolicy policy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireWritable();
        // The partial unique index allows one latest row per id: clear the old flag first, in this transaction.
        await _db.SlaPolicies.Where(p => p.Id == policy.Id && p.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsLatest, false), cancellationToken);
        foreach (var local in _db.SlaPolicies.Local.Where(p => p.Id == policy.Id))
        {
            local.IsLatest = false;
        }

        _db.SlaPolicies.Add(new SlaPolicyRow
        {
            Id = policy.Id,
            Version = policy.Version,
            Name = policy.Name,
            CalendarId = policy.CalendarId,
            Document = WorkflowJson.Serialize(policy),
            IsLatest = true,
            CreatedAt = createdAt,
        });
    }

    public async Task<SlaCalendarVersion?> GetCalendarAsync(string calendarId, int? version, CancellationToken cancellationToken)
    {
        var added = _db.SlaCalendars.Local.FirstOrDefault(c => c.Id == calendarId && (version == null ? c.IsLatest : c.Version == version));
        if (added is not null)
        {
            return _cache.Calendar(added, committed: false);
        }

        if (version is { } v && _cache.TryGetCalendar(calendarId, v, out var cached))
        {
            return cached;
        }

        var head = await _db.SlaCalendars.AsNoTracking()
            .Where(c => c.Id == calendarId && (version == null ? c.IsLatest : c.Version == version))
            .Select(c => new { c.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        if (_cache.TryGetCalendar(calendarId, head.Version, out var hit))
        {
            return hit;
        }

        var row = await _db.SlaCalendars.AsNoTracking().FirstAsync(c => c.Id == calendarId && c.Version == head.Version, cancellationToken);
        return _cache.Calendar(row, committed: true);
    }

    public async Task<IReadOnlyList<SlaCalendarVersion>> ListCalendarsAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.SlaCalendars.AsNoTracking().Where(c => c.IsLatest).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => _cache.Calendar(r, committed: true))];
    }

    public async Task<IReadOnlyList<SlaCalendarVersion>> GetCalendarVersionsAsync(string calendarId, CancellationToken cancellationToken)
    {
        var rows = await _db.SlaCalendars.AsNoTracking().Where(c => c.Id == calendarId).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(r => _cache.Calendar(r, committed: true))];
    }

    public async Task AddCalendarVersionAsync(BusinessCalendarDefinition definition, int version, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RequireWritable();
        await _db.SlaCalendars.Where(c => c.Id == definition.Id && c.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsLatest, false), cancellationToken);
        foreach (var local in _db.SlaCalendars.Local.Where(c => c.Id == definition.Id))
        {
            local.IsLatest = false;
        }

        _db.SlaCalendars.Add(new SlaCalendarRow
        {
            Id = definition.Id,
            Version = version,
            Name = definition.Name,
            TimeZone = definition.TimeZone,
            Document = WorkflowJson.Serialize(definition),
            IsLatest = true,
            CreatedAt = createdAt,
        });
    }

    public async Task UpsertTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        RequireWritable();
        await _dialect.UpsertTimerAsync(_db,
            new TimerRow { Id = timer.Id, Kind = timer.Kind, InstanceId = timer.InstanceId, DueAt = timer.DueAt, Payload = RowMapping.Json(timer.Payload) },
            cancellationToken);
    }

    public async Task CancelTimersAsync(IReadOnlyCollection<string> timerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timerIds);
        RequireWritable();
        if (timerIds.Count > 0)
        {
            var ids = timerIds.ToList();
            await _db.Timers.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task AddOutboxMessageAsync(OutboxMessage message, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireWritable();
        var row = RowMapping.ToRow(message);
        row.LeaseOwner = leaseOwner;
        row.LeaseUntil = leaseUntil;
        row.Attempts = 1;
        _db.Outbox.Add(row);
        return Task.CompletedTask;
    }

    public async Task MarkOutboxDeliveredAsync(IReadOnlyCollection<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        RequireWritable();
        var ids = messageIds.ToList();
        await _db.Outbox.Where(o => ids.Contains(o.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.DeliveredAt, at)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
    }

    private IQueryable<T> Query<T>(IQueryable<T> query)
        where T : class => _readOnly ? query.AsNoTracking() : query;

    private void RequireWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("This SLA session is read-only; write through ISlaStore.ExecuteAsync.");
        }
    }
}
