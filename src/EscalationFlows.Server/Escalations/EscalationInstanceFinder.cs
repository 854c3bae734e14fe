using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Server.Escalations;

/// <summary>The workflow instances of one escalation: its trigger instance and every instance correlated with its id (the child workflows).</summary>
public sealed class EscalationInstanceFinder
{
    private readonly IWorkflowStore _workflows;
    private readonly IWorkflowInstanceQuery _instances;

    public EscalationInstanceFinder(IWorkflowStore workflows, IWorkflowInstanceQuery instances)
    {
        _workflows = workflows;
        _instances = instances;
    }

    public async Task<List<WorkflowState>> FindAsync(EscalationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ids = new List<string>();
        if (record.TriggerInstanceId is { } trigger)
        {
            ids.Add(trigger);
        }

        var page = await _instances.ListAsync(new InstanceFilter { CorrelationId = record.Id }, new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        ids.AddRange(page.Items.Select(i => i.Id).Where(id => !ids.Contains(id, StringComparer.Ordinal)));
        var states = new List<WorkflowState>();
        foreach (var id in ids)
        {
            if (await _workflows.GetInstanceAsync(id, cancellationToken) is { } stored)
            {
                states.Add(stored.State);
            }
        }

        return states;
    }
}
