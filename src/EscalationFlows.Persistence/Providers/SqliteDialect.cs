using System.Data.Common;
using EscalationFlows.Persistence.Configurations;
using EscalationFlows.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// SQLite has no <c>SKIP LOCKED</c>, and needs none: it serialises writers, and a single
/// <c>UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING …</c> takes the write lock before it reads, so two pollers
/// never lease the same row.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private const string ClaimTimersSql =
        $"""
        UPDATE {TableNames.Timers} SET lease_owner = @owner, lease_until = @lease_until, attempts = attempts + 1
        WHERE id IN (SELECT id FROM {TableNames.Timers}
                     WHERE due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                     ORDER BY due_at LIMIT @max)
        RETURNING *
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new WriteTurn(_writer);
    }

    public override Task<List<TimerRow>> ClaimTimersAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken cancellationToken) =>
        db.Timers.FromSqlRaw(ClaimTimersSql, Parameter("owner", owner), Parameter("lease_until", now + lease), Parameter("now", now), Parameter("max", max))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public override Task<List<OutboxMessageRow>> ClaimOutboxAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        List<DbParameter> parameters = [Parameter("owner", owner), Parameter("lease_until", now + lease), Parameter("now", now), Parameter("max", max)];
        var sql =
            $"""
            UPDATE {TableNames.Outbox} SET lease_owner = @owner, lease_until = @lease_until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM {TableNames.Outbox}
                         WHERE delivered_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now){KindFilter(kinds, parameters, Parameter)}
                         ORDER BY created_at LIMIT @max)
            RETURNING *
            """;
        return db.Outbox.FromSqlRaw(sql, [.. parameters]).AsNoTracking().ToListAsync(cancellationToken);
    }

    public override bool IsConflict(Exception exception) =>
        Find<SqliteException>(exception) is { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintPrimaryKey or SqliteConstraintUnique };

    public override DbParameter Parameter(string name, object? value) => new SqliteParameter(name, value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.UtcTicks,
        _ => value,
    });
}
