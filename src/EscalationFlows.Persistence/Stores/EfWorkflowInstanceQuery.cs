using EscalationFlows.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores;

/// <summary>Lists instances from <c>wf_instances</c> columns (never the state JSON), newest first, index-backed filters.</summary>
public sealed class EfWorkflowInstanceQuery : IWorkflowInstanceQuery
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;

    public EfWorkflowInstanceQuery(IDbContextFactory<EscalationFlowsDbContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task<InstancePage> ListAsync(InstanceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Instances.AsNoTracking();
        if (filter.DefinitionId is { } definitionId)
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.CorrelationId is { } correlationId)
        {
            query = query.Where(i => i.CorrelationId == correlationId);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(i => i.CreatedAt)
            .ThenByDescending(i => i.Id)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .Select(i => new InstanceSummary
            {
                Id = i.Id,
                DefinitionId = i.DefinitionId,
                DefinitionVersion = i.DefinitionVersion,
                Status = i.Status,
                SubStatus = i.SubStatus,
                CorrelationId = i.CorrelationId,
                IncidentCount = i.IncidentCount,
                CreatedAt = i.CreatedAt,
                UpdatedAt = i.UpdatedAt,
                FinishedAt = i.FinishedAt,
            })
            .ToListAsync(cancellationToken);
        return new InstancePage(items, page.Page, page.PageSize, total);
    }
}
