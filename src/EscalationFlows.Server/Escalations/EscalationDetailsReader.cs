using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Sla.Reports;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Server.Api.Escalations;
using EscalationFlows.Server.Api.Tickets;

namespace EscalationFlows.Server.Escalations;

/// <summary>Assembles one escalation in full: record, timeline, stage owners, communications, summary, open tasks, workflow position and SLA.</summary>
public sealed class EscalationDetailsReader
{
    private readonly IEscalationStore _store;
    private readonly EscalationInstanceFinder _finder;
    private readonly HumanTaskStore _tasks;
    private readonly ISlaStore _sla;
    private readonly SlaClockService _clocks;
    private readonly TimeProvider _clock;

    public EscalationDetailsReader(IEscalationStore store, EscalationInstanceFinder finder, HumanTaskStore tasks, ISlaStore sla,
        SlaClockService clocks, TimeProvider clock)
    {
        _store = store;
        _finder = finder;
        _tasks = tasks;
        _sla = sla;
        _clocks = clocks;
        _clock = clock;
    }

    public async Task<EscalationDetailsResponse> ReadAsync(EscalationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var history = await _store.GetStageOwnersAsync(record.Id, cancellationToken);
        var owners = history.GroupBy(h => h.Stage)
            .Select(g => (Stage: g.Key, Latest: g.Last(), Count: g.Count()))
            .OrderBy(o => Order(o.Stage))
            .Select(o => new StageOwnerView(o.Stage, o.Latest.OwnerId, o.Latest.OwnerName, o.Latest.At, o.Latest.Reason, o.Latest.Actor, o.Count))
            .ToList();
        var instances = await _finder.FindAsync(record, cancellationToken);
        var waiting = new List<EscalationInstanceView>();
        foreach (var state in instances.Where(s => s.Status is WorkflowStatus.Running or WorkflowStatus.Suspended or WorkflowStatus.Faulted))
        {
            waiting.Add(new EscalationInstanceView(state.Id, state.DefinitionId, state.DefinitionVersion, state.Status.ToString(),
                [.. state.Bookmarks.Where(b => b.Kind != BookmarkKinds.ChildWorkflow).Select(b => new EscalationWaitView(b.ActivityId, b.Kind, b.Id, b.DueAt))],
                state.Status == WorkflowStatus.Faulted ? [.. state.Incidents.Select(i => $"{i.ActivityId}: {i.Message}")] : []));
        }

        var tasks = await _tasks.ListOpenAsync([.. instances.Select(i => i.Id)], cancellationToken);
        var now = _clock.GetUtcNow();
        var clocks = await _sla.ReadAsync((session, ct) => _clocks.GetClocksAsync(session, record.Id, ct), cancellationToken);
        return new EscalationDetailsResponse
        {
            Escalation = EscalationView.From(record),
            Timeline = await _store.GetTimelineAsync(record.Id, cancellationToken),
            Owners = owners,
            OwnerHistory = history,
            Communications = await _store.GetCommunicationsAsync(record.Id, cancellationToken),
            Summary = record.Summary,
            SummaryAt = record.SummaryAt,
            OpenTasks = [.. tasks.Select(t => new EscalationTaskView
            {
                Id = t.Id,
                Title = t.Title,
                AssigneeId = t.AssigneeId,
                CandidateTeam = t.CandidateTeam,
                CandidateRole = t.CandidateRole,
                DueAt = t.DueAt,
                InstanceId = t.InstanceId,
                DefinitionId = t.DefinitionId,
                ActivityId = t.ActivityId,
                Outcomes = WorkflowJson.Deserialize<List<string>>(t.Outcomes) ?? [],
            })],
            Workflow = new EscalationWorkflowView(record.TriggerInstanceId, waiting),
            Sla = [.. clocks.Select(c => TicketSlaSummary.From(SlaReportBuilder.Metric(c.Stored, c.Clock, now)))],
        };
    }

    /// <summary>The escalation's instances: its trigger instance and every instance correlated with the escalation id.</summary>
    private static int Order(string stage)
    {
        var index = EscalationStages.All.ToList().IndexOf(stage);
        return index < 0 ? int.MaxValue : index;
    }
}
