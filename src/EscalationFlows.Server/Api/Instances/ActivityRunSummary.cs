namespace EscalationFlows.Server.Api.Instances;

/// <summary>How often an activity of an instance ran and faulted.</summary>
public sealed record ActivityRunSummary(int Runs, int Faults);
