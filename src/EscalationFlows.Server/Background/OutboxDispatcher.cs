using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Telemetry;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Background;

/// <summary>
/// Delivers outbox messages (child starts and parent resumes that were not delivered inline, and module messages
/// such as mail) at least once, batch after batch, waiting the poll interval when a batch was empty.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    private readonly WorkflowRuntime _runtime;
    private readonly TimeProvider _clock;
    private readonly DispatcherOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(WorkflowRuntime runtime, TimeProvider clock, IOptions<DispatcherOptions> options, ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runtime = runtime;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DispatcherLoop.RunAsync(nameof(OutboxDispatcher), StepAsync, _options, _clock, _logger, stoppingToken);

    /// <summary>Delivers one batch; returns how long to wait before the next.</summary>
    public async Task<TimeSpan> StepAsync(CancellationToken cancellationToken)
    {
        var processed = await _runtime.ProcessOutboxAsync(cancellationToken: cancellationToken);
        EscalationFlowsTelemetry.RecordOutbox(processed);
        return processed > 0 ? TimeSpan.Zero : _options.OutboxPollInterval;
    }
}
