namespace EscalationFlows.Server.Background;

/// <summary>
/// The loop both dispatchers share: run one step, wait as long as the step asks (on the injected
/// <see cref="TimeProvider"/>, so a fake clock drives it in tests), and after a failure log it and back off
/// instead of ending. Only the host stopping ends the loop.
/// </summary>
public static partial class DispatcherLoop
{
    /// <param name="step">Does one unit of work and returns how long to wait before the next one.</param>
    public static async Task RunAsync(string name, Func<CancellationToken, Task<TimeSpan>> step, DispatcherOptions options, TimeProvider clock, ILogger logger,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await step(stoppingToken);
                if (failures > 0)
                {
                    LogRecovered(logger, name, failures);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A dispatcher must survive any failure (a database restart, a network blip): log, back off, go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                wait = options.BackoffAfter(failures);
                LogFailed(logger, ex, name, failures, wait.TotalSeconds);
            }

            if (wait <= TimeSpan.Zero)
            {
                continue;
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dispatcher} failed ({Failures} in a row); trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string dispatcher, int failures, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Dispatcher} works again after {Failures} failures")]
    private static partial void LogRecovered(ILogger logger, string dispatcher, int failures);
}
