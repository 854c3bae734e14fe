using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>Definition versions in memory with the same publishing rules as the database store (tests, tools).</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DefinitionVersion>> _definitions = new(StringComparer.Ordinal);
    private readonly IActivityRegistry _registry;
    private readonly TimeProvider _clock;

    public InMemoryWorkflowDefinitionStore(IActivityRegistry registry, TimeProvider clock)
    {
        _registry = registry;
        _clock = clock;
    }

    /// <summary>Saves and publishes in one step (test setup).</summary>
    public DefinitionVersion Publish(WorkflowDefinition definition)
    {
        var saved = SaveAsync(definition, null, CancellationToken.None).GetAwaiter().GetResult();
        return PublishAsync(saved.DefinitionId, saved.Version, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DefinitionSummary> list = [.. _definitions.Values.Select(versions =>
            {
                var latest = versions.MaxBy(v => v.Version)!;
                return new DefinitionSummary
                {
                    DefinitionId = latest.DefinitionId,
                    Name = latest.Definition.Name,
                    Description = latest.Definition.Description,
                    LatestVersion = latest.Version,
                    PublishedVersion = versions.FirstOrDefault(v => v.IsPublished)?.Version,
                    VersionCount = versions.Count,
                    UpdatedAt = versions.Max(v => v.UpdatedAt),
                };
            }).OrderBy(s => s.DefinitionId, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<DefinitionVersion>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DefinitionVersion> versions = _definitions.TryGetValue(definitionId, out var list)
                ? [.. list.OrderByDescending(v => v.Version)]
                : [];
            return Task.FromResult(versions);
        }
    }

    public Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken) =>
        Find(definitionId, list => list.MaxBy(v => v.Version));

    public Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        Find(definitionId, list => list.FirstOrDefault(v => v.IsPublished));

    public Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        Find(definitionId, list => list.FirstOrDefault(v => v.Version == version));

    public Task<DefinitionVersion> SaveAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (!_definitions.TryGetValue(definition.DefinitionId, out var list))
            {
                list = [];
                _definitions[definition.DefinitionId] = list;
            }

            var latest = list.MaxBy(v => v.Version);
            DefinitionVersion saved;
            if (latest is null || latest.PublishedAt is not null)
            {
                var number = (latest?.Version ?? 0) + 1;
                var stamped = definition with { Version = number };
                saved = new DefinitionVersion
                {
                    Definition = stamped,
                    IsPublished = false,
                    IsLatest = true,
                    ContentHash = DefinitionHashes.Compute(stamped),
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = user,
                    UpdatedBy = user,
                };
                if (latest is not null)
                {
                    Replace(list, latest with { IsLatest = false });
                }

                list.Add(saved);
            }
            else
            {
                var stamped = definition with { Version = latest.Version };
                saved = latest with { Definition = stamped, ContentHash = DefinitionHashes.Compute(stamped), UpdatedAt = now, UpdatedBy = user };
                Replace(list, saved);
            }

            return Task.FromResult(saved);
        }
    }

    public Task<DefinitionVersion> PublishAsync(string definitionId, int? version, string? user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = Require(definitionId);
            var target = version is { } v
                ? list.FirstOrDefault(x => x.Version == v) ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {v}.")
                : list.MaxBy(x => x.Version)!;
            var now = _clock.GetUtcNow();
            foreach (var other in list.Where(x => x.IsPublished && x.Version != target.Version).ToList())
            {
                Replace(list, other with { IsPublished = false, UpdatedAt = now });
            }

            var published = target with { IsPublished = true, PublishedAt = target.PublishedAt ?? now, UpdatedAt = now, UpdatedBy = user };
            Replace(list, published);
            return Task.FromResult(published);
        }
    }

    public Task<DefinitionVersion> RetractAsync(string definitionId, string? user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = Require(definitionId);
            var published = list.FirstOrDefault(x => x.IsPublished)
                ?? throw new DefinitionConflictException($"Workflow '{definitionId}' has no published version to retract.");
            var retracted = published with { IsPublished = false, UpdatedAt = _clock.GetUtcNow(), UpdatedBy = user };
            Replace(list, retracted);
            return Task.FromResult(retracted);
        }
    }

    public Task DeleteVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = Require(definitionId);
            var target = list.FirstOrDefault(x => x.Version == version)
                ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {version}.");
            if (target.PublishedAt is not null)
            {
                throw new DefinitionConflictException($"Version {version} of '{definitionId}' is or was published; only drafts can be deleted.");
            }

            list.Remove(target);
            if (list.Count == 0)
            {
                _definitions.Remove(definitionId);
            }
            else if (target.IsLatest)
            {
                var newest = list.MaxBy(x => x.Version)!;
                Replace(list, newest with { IsLatest = true });
            }

            return Task.CompletedTask;
        }
    }

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        Find(definitionId, list => list.FirstOrDefault(v => v.IsPublished)).ContinueWith(t => ToStored(t.Result), TaskScheduler.Default);

    public Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        Find(definitionId, list => list.FirstOrDefault(v => v.Version == version)).ContinueWith(t => ToStored(t.Result), TaskScheduler.Default);

    public Task<IReadOnlyList<EventTriggerRegistration>> FindEventTriggersAsync(string eventName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<EventTriggerRegistration> triggers = [.. _definitions.Values
                .SelectMany(list => list.Where(v => v.IsPublished))
                .SelectMany(v => EventTriggers.Find(v.Definition, _registry)
                    .Where(t => string.Equals(t.EventName, eventName, StringComparison.OrdinalIgnoreCase))
                    .Select(t => new EventTriggerRegistration(v.DefinitionId, v.Version, t.ActivityId)))];
            return Task.FromResult(triggers);
        }
    }

    private static StoredDefinition? ToStored(DefinitionVersion? version) =>
        version is null ? null : new StoredDefinition(version.Definition, version.ContentHash, version.IsPublished);

    private Task<DefinitionVersion?> Find(string definitionId, Func<List<DefinitionVersion>, DefinitionVersion?> pick)
    {
        lock (_gate)
        {
            return Task.FromResult(_definitions.TryGetValue(definitionId, out var list) ? pick(list) : null);
        }
    }

    private List<DefinitionVersion> Require(string definitionId) =>
        _definitions.TryGetValue(definitionId, out var list) ? list : throw new WorkflowNotFoundException($"There is no workflow '{definitionId}'.");

    private static void Replace(List<DefinitionVersion> list, DefinitionVersion version)
    {
        var index = list.FindIndex(x => x.Version == version.Version);
        list[index] = version;
    }
}
