namespace EscalationFlows.Server.Import;

/// <summary>What the startup import did: the folder it used (null when none was found) and one outcome per file.</summary>
public sealed record WorkflowImportReport(string? Folder, IReadOnlyList<WorkflowImportOutcome> Outcomes)
{
    public int Count(WorkflowImportAction action) => Outcomes.Count(o => o.Action == action);
}
