using System.Collections.Concurrent;
using System.Data;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores;

/// <summary>
/// The durable <see cref="IWorkflowDefinitionStore"/>, with exactly the rules of <see cref="InMemoryWorkflowDefinitionStore"/>.
/// Every change runs in a serializable transaction (SQLite: <c>BEGIN IMMEDIATE</c>) and is retried when a concurrent
/// change wins (unique violation, serialization failure); the partial unique indexes on <c>is_published</c> and
/// <c>is_latest</c> make a second published or latest version impossible even for a writer that skips this class.
/// Publishing and retracting rebuild the definition's rows in <c>wf_event_triggers</c>, which therefore only ever
/// lists published versions.
/// </summary>
public sealed class EfWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private const int MaxAttempts = 10;
    private const int MaxCachedDefinitions = 1_000;

    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;
    private readonly IActivityRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _documents = new(StringComparer.Ordinal);

    internal EfWorkflowDefinitionStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect, IActivityRegistry registry, TimeProvider clock)
    {
        _contexts = contexts;
        _dialect = dialect;
        _registry = registry;
        _clock = clock;
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DefinitionVersions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.DefinitionId, StringComparer.Ordinal)
            .Select(versions =>
            {
                var latest = versions.MaxBy(v => v.Version)!;
                return new DefinitionSummary
                {
                    DefinitionId = latest.DefinitionId,
                    Name = latest.Name,
                    Description = latest.Description,
                    LatestVersion = latest.Version,
                    PublishedVersion = versions.FirstOrDefault(v => v.IsPublished)?.Version,
                    VersionCount = versions.Count(),
                    UpdatedAt = versions.Max(v => v.UpdatedAt),
                };
            })
            .OrderBy(s => s.DefinitionId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<DefinitionVersion>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToVersion)];
    }

    public Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken) =>
        FindAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);

    public Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        FindAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken);

    public Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        FindAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);

    public Task<DefinitionVersion> SaveAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return InTransactionAsync(definition.DefinitionId, async db =>
        {
            var now = _clock.GetUtcNow();
            var latest = await db.DefinitionVersions
                .Where(d => d.DefinitionId == definition.DefinitionId)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.PublishedAt is null)
            {
                var edited = definition with { Version = latest.Version };
                SetDocument(latest, edited);
                latest.UpdatedAt = now;
                latest.UpdatedBy = user;
                await db.SaveChangesAsync(cancellationToken);
                return ToVersion(latest);
            }

            if (latest is not null)
            {
                // Clear the old flag first: the partial unique index allows one latest version at a time.
                latest.IsLatest = false;
                await db.SaveChangesAsync(cancellationToken);
            }

            var stamped = definition with { Version = (latest?.Version ?? 0) + 1 };
            var row = new DefinitionVersionRow
            {
                DefinitionId = stamped.DefinitionId,
                Version = stamped.Version,
                Name = stamped.Name,
                Document = string.Empty,
                ContentHash = string.Empty,
                IsLatest = true,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = user,
                UpdatedBy = user,
            };
            SetDocument(row, stamped);
            db.DefinitionVersions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return ToVersion(row);
        }, cancellationToken);
    }

    public Task<DefinitionVersion> PublishAsync(string definitionId, int? version, string? user, CancellationToken cancellationToken) =>
        InTransactionAsync(definitionId, async db =>
        {
            var rows = await RequireAsync(db, definitionId, cancellationToken);
            var target = version is { } v
                ? rows.FirstOrDefault(x => x.Version == v) ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {v}.")
                : rows.MaxBy(x => x.Version)!;
            var now = _clock.GetUtcNow();
            var others = rows.Where(x => x.IsPublished && x.Version != target.Version).ToList();
            if (others.Count > 0)
            {
                // Unpublish first: the partial unique index allows one published version at a time.
                foreach (var other in others)
                {
                    other.IsPublished = false;
                    other.UpdatedAt = now;
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            target.IsPublished = true;
            target.PublishedAt ??= now;
            target.UpdatedAt = now;
            target.UpdatedBy = user;
            await db.EventTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
            db.EventTriggers.AddRange(EventTriggers.Find(Definition(target), _registry).Select(t => new EventTriggerRow
            {
                DefinitionId = target.DefinitionId,
                Version = target.Version,
                ActivityId = t.ActivityId,
                EventName = NormalizeEventName(t.EventName),
            }));
            await db.SaveChangesAsync(cancellationToken);
            return ToVersion(target);
        }, cancellationToken);

    public Task<DefinitionVersion> RetractAsync(string definitionId, string? user, CancellationToken cancellationToken) =>
        InTransactionAsync(definitionId, async db =>
        {
            var rows = await RequireAsync(db, definitionId, cancellationToken);
            var published = rows.FirstOrDefault(x => x.IsPublished)
                ?? throw new DefinitionConflictException($"Workflow '{definitionId}' has no published version to retract.");
            published.IsPublished = false;
            published.UpdatedAt = _clock.GetUtcNow();
            published.UpdatedBy = user;
            await db.EventTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return ToVersion(published);
        }, cancellationToken);

    public Task DeleteVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        InTransactionAsync(definitionId, async db =>
        {
            var rows = await RequireAsync(db, definitionId, cancellationToken);
            var target = rows.FirstOrDefault(x => x.Version == version)
                ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {version}.");
            if (target.PublishedAt is not null)
            {
                throw new DefinitionConflictException($"Version {version} of '{definitionId}' is or was published; only drafts can be deleted.");
            }

            db.DefinitionVersions.Remove(target);
            await db.SaveChangesAsync(cancellationToken);
            if (target.IsLatest && rows.Where(x => x.Version != version).MaxBy(x => x.Version) is { } newest)
            {
                newest.IsLatest = true;
                await db.SaveChangesAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);

    public async Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await FindStoredAsync(db, db.DefinitionVersions.Where(d => d.DefinitionId == definitionId && d.IsPublished), cancellationToken);
    }

    public async Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await FindStoredAsync(db, db.DefinitionVersions.Where(d => d.DefinitionId == definitionId && d.Version == version), cancellationToken);
    }

    public async Task<IReadOnlyList<EventTriggerRegistration>> FindEventTriggersAsync(string eventName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        var normalized = NormalizeEventName(eventName);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EventTriggers.AsNoTracking()
            .Where(t => t.EventName == normalized)
            .OrderBy(t => t.DefinitionId).ThenBy(t => t.ActivityId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new EventTriggerRegistration(t.DefinitionId, t.Version, t.ActivityId))];
    }

    /// <summary>Event names match case-insensitively, as in the in-memory store.</summary>
    internal static string NormalizeEventName(string eventName) => eventName.ToUpperInvariant();

    private async Task<StoredDefinition?> FindStoredAsync(EscalationFlowsDbContext db, IQueryable<DefinitionVersionRow> query, CancellationToken cancellationToken)
    {
        // The hot path (every resume loads its version): read the small columns, and the document only when this hash
        // has not been parsed before.
        var head = await query.AsNoTracking().Select(d => new { d.ContentHash, d.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        if (_documents.TryGetValue(head.ContentHash, out var cached))
        {
            return new StoredDefinition(cached, head.ContentHash, head.IsPublished);
        }

        var full = await query.AsNoTracking().Select(d => new { d.Document, d.ContentHash, d.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        return full is null ? null : new StoredDefinition(Parse(full.Document, full.ContentHash), full.ContentHash, full.IsPublished);
    }

    private async Task<DefinitionVersion?> FindAsync(System.Linq.Expressions.Expression<Func<DefinitionVersionRow, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DefinitionVersions.AsNoTracking().FirstOrDefaultAsync(predicate, cancellationToken);
        return row is null ? null : ToVersion(row);
    }

    private static async Task<List<DefinitionVersionRow>> RequireAsync(EscalationFlowsDbContext db, string definitionId, CancellationToken cancellationToken)
    {
        var rows = await db.DefinitionVersions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        return rows.Count > 0 ? rows : throw new WorkflowNotFoundException($"There is no workflow '{definitionId}'.");
    }

    private async Task<T> InTransactionAsync<T>(string definitionId, Func<EscalationFlowsDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await _dialect.EnterWriteAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(_dialect.DefinitionIsolation, cancellationToken);
                db.Database.AutoSavepointsEnabled = false; // A failure abandons (and retries) the whole transaction.
                await _dialect.LockDefinitionAsync(db, definitionId, cancellationToken);
                var result = await work(db);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (IsRetryable(ex) && attempt < MaxAttempts)
            {
                // A concurrent change won; run again on the new state.
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                throw new DefinitionConflictException($"The definition kept changing concurrently; {MaxAttempts} attempts failed. Try again.", ex);
            }
        }
    }

    private bool IsRetryable(Exception exception) => exception is DbUpdateConcurrencyException || _dialect.IsConflict(exception);

    private static void SetDocument(DefinitionVersionRow row, WorkflowDefinition definition)
    {
        row.Name = definition.Name;
        row.Description = definition.Description;
        row.Document = WorkflowJson.Serialize(definition);
        row.ContentHash = DefinitionHashes.Compute(definition);
    }

    private DefinitionVersion ToVersion(DefinitionVersionRow row) => new()
    {
        Definition = Definition(row),
        IsPublished = row.IsPublished,
        IsLatest = row.IsLatest,
        PublishedAt = row.PublishedAt,
        ContentHash = row.ContentHash,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        CreatedBy = row.CreatedBy,
        UpdatedBy = row.UpdatedBy,
    };

    private WorkflowDefinition Definition(DefinitionVersionRow row) => Parse(row.Document, row.ContentHash);

    private WorkflowDefinition Parse(string document, string contentHash)
    {
        if (_documents.TryGetValue(contentHash, out var cached))
        {
            return cached;
        }

        if (_documents.Count >= MaxCachedDefinitions)
        {
            _documents.Clear();
        }

        var definition = WorkflowJson.Deserialize<WorkflowDefinition>(document)
            ?? throw new InvalidOperationException($"The stored document with hash {contentHash} is empty.");
        _documents[contentHash] = definition;
        return definition;
    }
}
