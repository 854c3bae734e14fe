namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>One run: which database, how many timers, how many due and how spread out, and whether a workflow listens.</summary>
/// <param name="Provider">sqlite or postgres.</param>
/// <param name="Total">Pending threshold timers in all (8 per ticket: 2 clocks × 4 thresholds).</param>
/// <param name="Due">Tickets whose response 50 % threshold falls in the window (one due timer each).</param>
/// <param name="Window">The due instants are spread evenly over this span (zero: all at the same instant, a backlog).</param>
/// <param name="Listener">When true a published workflow has an EventTrigger on sla.threshold, so each firing also starts an instance.</param>
/// <param name="BatchSize">Runtime:TimerBatchSize, timers claimed (and fired by the SLA handler in one transaction) at a time.</param>
public sealed record ScenarioSettings(string Provider, int Total, int Due, TimeSpan Window, bool Listener, int BatchSize)
{
    /// <summary>Time between the clock's release and the first due instant.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);

    public string Name => $"{Provider}, {Total:N0} pending, {Due:N0} due {(Window == TimeSpan.Zero ? "at once" : $"over {Window.TotalSeconds:0} s")}{(Listener ? ", each starts a workflow" : string.Empty)}, batch {BatchSize}";
}
