using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Telemetry;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Background;

/// <summary>
/// Fires due timers (Delay, Timer, retry backoffs, module timers). Waits until the next timer is due or the poll
/// interval passes, whichever is sooner; the poll interval also picks up timers created meanwhile.
/// </summary>
public sealed class TimerDispatcher : BackgroundService
{
    private readonly WorkflowRuntime _runtime;
    private readonly IWorkflowStore _store;
    private readonly TimeProvider _clock;
    private readonly DispatcherOptions _options;
    private readonly ILogger<TimerDispatcher> _logger;

    public TimerDispatcher(WorkflowRuntime runtime, IWorkflowStore store, TimeProvider clock, IOptions<DispatcherOptions> options, ILogger<TimerDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runtime = runtime;
        _store = store;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DispatcherLoop.RunAsync(nameof(TimerDispatcher), StepAsync, _options, _clock, _logger, stoppingToken);

    /// <summary>Fires one batch if anything is due; returns how long to wait before looking again.</summary>
    public async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        var next = await _store.GetNextTimerDueAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        if (next is { } due && due <= now)
        {
            using var activity = EscalationFlowsTelemetry.Source.StartActivity("timers.fire");
            var fired = await _runtime.ProcessDueTimersAsync(cancellationToken);
            activity?.SetTag("escalationflows.timers", fired);
            EscalationFlowsTelemetry.RecordTimers(fired);
            if (fired > 0)
            {
                return TimeSpan.Zero; // More may be due right away.
            }

            return _options.TimerPollInterval; // Due but leased by another node (or still retrying): look again later.
        }

        return next is { } later && later - now < _options.TimerPollInterval ? later - now : _options.TimerPollInterval;
    }
}
