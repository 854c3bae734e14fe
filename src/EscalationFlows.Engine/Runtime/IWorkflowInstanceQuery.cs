namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// Lists instances for operators and the studio. Every store that backs a server implements it beside
/// <see cref="IWorkflowStore"/>; <see cref="InMemoryWorkflowStore"/> is the reference for the ordering and paging rules.
/// </summary>
public interface IWorkflowInstanceQuery
{
    /// <summary>
    /// One page of the instances matching <paramref name="filter"/>, newest first: created time descending, then id
    /// descending (ordinal; ids are time-ordered). <see cref="InstancePage.TotalCount"/> counts every match.
    /// </summary>
    Task<InstancePage> ListAsync(InstanceFilter filter, PageRequest page, CancellationToken cancellationToken);
}
