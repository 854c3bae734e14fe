using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>
/// Applies escalation effects on a context inside an open transaction: loads each record once, runs
/// <see cref="EscalationApplier"/> per effect in order, and stages the row changes, new timeline, communication and
/// stage-owner rows, outbox messages, client-link changes and round-robin cursor moves. The caller saves and commits.
/// </summary>
internal sealed class EscalationEffectWriter
{
    private readonly EscalationApplier _applier;
    private readonly TimeProvider _clock;

    public EscalationEffectWriter(EscalationApplier applier, TimeProvider clock)
    {
        _applier = applier;
        _clock = clock;
    }

    /// <summary>Applies the effects; returns the records after them, by id.</summary>
    /// <exception cref="EscalationApplyException">An effect cannot apply.</exception>
    /// <exception cref="HumanTaskConflictException">A client link answered twice, or revoked or expired meanwhile.</exception>
    /// <exception cref="Engine.Runtime.ConcurrencyConflictException">A round-robin cursor moved meanwhile (the step is re-run).</exception>
    public async Task<IReadOnlyDictionary<string, EscalationRecord>> WriteAsync(EscalationFlowsDbContext db, IEnumerable<EscalationEffect> effects, string instanceId,
        CancellationToken cancellationToken)
    {
        var services = new EfEscalationApplyServices(db);
        var rows = new Dictionary<string, EscalationRow?>(StringComparer.Ordinal);
        var records = new Dictionary<string, EscalationRecord>(StringComparer.Ordinal);
        foreach (var effect in effects)
        {
            if (!rows.TryGetValue(effect.EscalationId, out var row))
            {
                row = await db.Escalations.FirstOrDefaultAsync(e => e.Id == effect.EscalationId, cancellationToken);
                rows[effect.EscalationId] = row;
                if (row is not null)
                {
                    records[row.Id] = EscalationRowMapping.ToRecord(row);
                }
            }

            var current = records.GetValueOrDefault(effect.EscalationId);
            var change = await _applier.ApplyAsync(current, effect, instanceId, services, cancellationToken);
            if (row is null)
            {
                row = EscalationRowMapping.NewRow(change.Record with { Revision = 0 });
                db.Escalations.Add(row);
                rows[effect.EscalationId] = row;
            }
            else
            {
                EscalationRowMapping.CopyTo(change.Record, row);
            }

            records[effect.EscalationId] = change.Record with { Revision = row.Revision };
            db.EscalationTimeline.AddRange(change.Timeline.Select(t => EscalationRowMapping.ToRow(effect.EscalationId, t)));
            db.EscalationCommunications.AddRange(change.Communications.Select(c => EscalationRowMapping.ToRow(effect.EscalationId, c)));
            db.EscalationStageOwners.AddRange(change.StageOwners.Select(o => EscalationRowMapping.ToRow(effect.EscalationId, o)));
            db.Outbox.AddRange(change.Outbox.Select(RowMapping.ToRow));
            await ClientLinksAsync(db, change, cancellationToken);
            if (change.Cursor is { } cursor)
            {
                await MoveCursorAsync(db, cursor, cancellationToken);
            }
        }

        return records;
    }

    private async Task ClientLinksAsync(EscalationFlowsDbContext db, EscalationChangeSet change, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (change.IssueClientLink is { } issued)
        {
            db.ClientLinks.Add(new ClientLinkRow
            {
                Id = issued.Id,
                Purpose = issued.Purpose,
                SubjectId = issued.SubjectId,
                ExpiresAt = issued.ExpiresAt,
                CreatedAt = now,
                CreatedBy = EscalationEffect.SystemActor,
            });
        }

        if (change.UseClientLinkId is { } used)
        {
            var count = await db.ClientLinks
                .Where(l => l.Id == used && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (count != 1)
            {
                throw new HumanTaskConflictException(HumanTaskConflictException.LinkUnusable, "The link was already used, revoked or has expired.");
            }
        }

        if (change.RevokeClientLinkId is { } revoked)
        {
            await db.ClientLinks.Where(l => l.Id == revoked && l.UsedAt == null && l.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedBy, "system: no answer before the auto-close"), cancellationToken);
        }
    }

    private async Task MoveCursorAsync(EscalationFlowsDbContext db, CursorMove move, CancellationToken cancellationToken)
    {
        var key = HumanTaskKeys.Team(move.Team)!;
        var now = _clock.GetUtcNow();
        if (move.ExpectedLastUserId is null)
        {
            if (await db.AssignmentCursors.AnyAsync(c => c.TeamKey == key, cancellationToken))
            {
                throw new Engine.Runtime.ConcurrencyConflictException($"The round-robin cursor of {move.Team} moved meanwhile.");
            }

            // A concurrent first assignment inserts the same key: the unique key turns it into a conflict and a re-run.
            db.AssignmentCursors.Add(new AssignmentCursorRow { TeamKey = key, LastUserId = move.LastUserId, UpdatedAt = now });
            return;
        }

        var moved = await db.AssignmentCursors.Where(c => c.TeamKey == key && c.LastUserId == move.ExpectedLastUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUserId, move.LastUserId).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (moved != 1)
        {
            throw new Engine.Runtime.ConcurrencyConflictException($"The round-robin cursor of {move.Team} moved meanwhile.");
        }
    }
}
