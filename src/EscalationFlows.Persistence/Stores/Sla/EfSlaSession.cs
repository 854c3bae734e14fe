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

    // The rows this session tracks, by key. DbSet.Local would serve too, but every access to it runs DetectChanges over
    // everything tracked, which makes a batch of n operations cost n² (and a burst's context tracks other rows as well).
    private readonly Dictionary<string, TrackedTicketRow> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string ExternalId), TrackedTicketRow> _ticketsBySource = [];
    private readonly Dictionary<(string SubjectId, string Metric), SlaClockRow> _clocks = [];
    private readonly List<SlaPolicyRow> _addedPolicies = [];
    private readonly List<SlaCalendarRow> _addedCalendars = [];
    private readonly HashSet<string> _preloaded = new(StringComparer.Ordinal);

    // Staged timer writes by id: a timer to upsert, or null to delete. Written by FlushAsync.
    private readonly Dictionary<string, ScheduledTimer?> _timerWrites = new(StringComparer.Ordinal);

    public EfSlaSession(EscalationFlowsDbContext db, StoreDialect dialect, SlaDocumentCache cache, bool readOnly)
    {
        _db = db;
        _dialect = dialect;
        _cache = cache;
        _readOnly = readOnly;
    }

    public async Task<TrackedTicket?> FindTicketAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (_preloaded.Contains(ticketId))
        {
            return _tickets.GetValueOrDefault(ticketId) is { } known ? SlaRowMapping.ToTicket(known) : null;
        }

        var row = _tickets.GetValueOrDefault(ticketId)
            ?? Track(await Query(_db.Tickets).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken));
        return row is null ? null : SlaRowMapping.ToTicket(row);
    }

    public async Task<TrackedTicket?> FindTicketAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        var row = _ticketsBySource.GetValueOrDefault((source, externalId))
            ?? Track(await Query(_db.Tickets).FirstOrDefaultAsync(t => t.Source == source && t.ExternalId == externalId, cancellationToken));
        return row is null ? null : SlaRowMapping.ToTicket(row);
    }

    public async Task SaveTicketAsync(TrackedTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RequireWritable();
        var row = _tickets.GetValueOrDefault(ticket.Id);
        if (row is null && ticket.Revision == 0)
        {
            Track(_db.Tickets.Add(SlaRowMapping.ToRow(ticket)).Entity);
            return;
        }

        row ??= Track(await _db.Tickets.FirstOrDefaultAsync(t => t.Id == ticket.Id, cancellationToken));
        if (row is null || row.Revision != ticket.Revision)
        {
            throw new ConcurrencyConflictException($"Ticket '{ticket.Id}' was changed by another writer.");
        }

        SlaRowMapping.Copy(ticket, row);
        row.Revision = ticket.Revision + 1;
    }

    public async Task<IReadOnlyList<StoredSlaClock>> GetClocksAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (_preloaded.Contains(subjectId))
        {
            return [.. _clocks.Values.Where(c => c.SubjectId == subjectId).Select(SlaRowMapping.ToClock).OrderBy(c => c.Metric)];
        }

        var rows = await Query(_db.SlaClocks).Where(c => c.SubjectId == subjectId).ToListAsync(cancellationToken);
        if (_readOnly)
        {
            return [.. rows.Select(SlaRowMapping.ToClock).OrderBy(c => c.Metric)];
        }

        // Tracked rows come back as the same instances (with their staged changes); clocks added earlier in this
        // session are not in the database yet.
        foreach (var row in rows)
        {
            Track(row);
        }

        return [.. _clocks.Values.Where(c => c.SubjectId == subjectId).Select(SlaRowMapping.ToClock).OrderBy(c => c.Metric)];
    }

    public async Task SaveClockAsync(StoredSlaClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RequireWritable();
        var metric = SlaRowMapping.MetricName(clock.Metric);
        var row = _clocks.GetValueOrDefault((clock.SubjectId, metric));
        if (row is null && clock.Revision == 0)
        {
            Track(_db.SlaClocks.Add(SlaRowMapping.ToRow(clock)).Entity);
            return;
        }

        row ??= Track(await _db.SlaClocks.FirstOrDefaultAsync(c => c.SubjectId == clock.SubjectId && c.Metric == metric, cancellationToken));
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
        var added = _addedPolicies.FirstOrDefault(p => p.Id == policyId && (version == null ? p.IsLatest : p.Version == version));
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
        foreach (var local in _addedPolicies.Where(p => p.Id == policy.Id))
        {
            local.IsLatest = false;
        }

        var row = new SlaPolicyRow
        {
            Id = policy.Id,
            Version = policy.Version,
            Name = policy.Name,
            CalendarId = policy.CalendarId,
            Document = WorkflowJson.Serialize(policy),
            IsLatest = true,
            CreatedAt = createdAt,
        };
        _addedPolicies.Add(row);
        _db.SlaPolicies.Add(row);
    }

    public async Task<SlaCalendarVersion?> GetCalendarAsync(string calendarId, int? version, CancellationToken cancellationToken)
    {
        var added = _addedCalendars.FirstOrDefault(c => c.Id == calendarId && (version == null ? c.IsLatest : c.Version == version));
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
        foreach (var local in _addedCalendars.Where(c => c.Id == definition.Id))
        {
            local.IsLatest = false;
        }

        var row = new SlaCalendarRow
        {
            Id = definition.Id,
            Version = version,
            Name = definition.Name,
            TimeZone = definition.TimeZone,
            Document = WorkflowJson.Serialize(definition),
            IsLatest = true,
            CreatedAt = createdAt,
        };
        _addedCalendars.Add(row);
        _db.SlaCalendars.Add(row);
    }

    public Task UpsertTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        RequireWritable();
        _timerWrites[timer.Id] = timer;
        return Task.CompletedTask;
    }

    public Task CancelTimersAsync(IReadOnlyCollection<string> timerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timerIds);
        RequireWritable();
        foreach (var id in timerIds)
        {
            _timerWrites[id] = null;
        }

        return Task.CompletedTask;
    }

    public async Task PreloadAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var ids = subjectIds.Where(id => !_preloaded.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var row in await Query(_db.SlaClocks).Where(c => ids.Contains(c.SubjectId)).ToListAsync(cancellationToken))
        {
            Track(row);
        }

        foreach (var row in await Query(_db.Tickets).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken))
        {
            Track(row);
        }

        if (!_readOnly)
        {
            _preloaded.UnionWith(ids);
        }
    }

    /// <summary>
    /// Writes the staged timer changes in this transaction: one delete for the cancelled ids and multi-row upserts for
    /// the rest. Call before SaveChanges; the store and the burst participant do.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_timerWrites.Count == 0)
        {
            return;
        }

        var deletes = _timerWrites.Where(w => w.Value is null).Select(w => w.Key).ToList();
        for (var start = 0; start < deletes.Count; start += 500)
        {
            var ids = deletes.Skip(start).Take(500).ToList();
            await _db.Timers.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        var upserts = _timerWrites.Values.OfType<ScheduledTimer>()
            .Select(t => new TimerRow { Id = t.Id, Kind = t.Kind, InstanceId = t.InstanceId, DueAt = t.DueAt, Payload = RowMapping.Json(t.Payload) })
            .ToList();
        if (upserts.Count > 0)
        {
            await _dialect.UpsertTimersAsync(_db, upserts, cancellationToken);
        }

        _timerWrites.Clear();
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

    private TrackedTicketRow? Track(TrackedTicketRow? row)
    {
        if (row is not null && !_readOnly)
        {
            _tickets[row.Id] = row;
            _ticketsBySource[(row.Source, row.ExternalId)] = row;
        }

        return row;
    }

    private SlaClockRow? Track(SlaClockRow? row)
    {
        if (row is not null)
        {
            _clocks[(row.SubjectId, row.Metric)] = row;
        }

        return row;
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
