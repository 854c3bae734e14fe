using System.Collections.Concurrent;
using System.Diagnostics;

namespace EscalationFlows.Bench;

/// <summary>
/// Load shapes. <see cref="OpenAsync"/>: a fixed arrival rate (open model, like wrk2 or k6's constant-arrival-rate);
/// each latency is measured from the moment the operation was SCHEDULED, so queueing inside the system shows up
/// instead of being hidden (no coordinated omission). <see cref="ClosedAsync"/>: N clients back to back (unthrottled).
/// An operation returns null on success or the reason it failed.
/// </summary>
public static class Load
{
    /// <summary>
    /// Brings the process to steady state before a measured run: <paramref name="clients"/> back to back for
    /// <paramref name="duration"/> (thousands of calls, so tiered JIT has promoted the hot path; a few hundred calls at
    /// 50/s are not enough, and the promotion then costs CPU and tail latency inside the measured run), then a short
    /// stretch at the measured rate.
    /// </summary>
    public static async Task WarmUpAsync(int clients, TimeSpan duration, double rate, Func<int, Task<string?>> operation)
    {
        await ClosedAsync(clients, duration, operation);
        await OpenAsync(rate, TimeSpan.FromSeconds(3), operation);
    }

    public static async Task<LoadResult> OpenAsync(double rate, TimeSpan duration, Func<int, Task<string?>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var errors = new string?[count];
        var tasks = new Task[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                errors[index] = await RunAsync(operation, index);
                latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
            });
        }

        await Task.WhenAll(tasks);
        var ok = Enumerable.Range(0, count).Where(i => errors[i] is null).ToList();
        return new LoadResult(new Latencies(ok.Select(i => latencies[i])), ok.Count, count - ok.Count, clock.Elapsed, errors.FirstOrDefault(e => e is not null));
    }

    public static async Task<LoadResult> ClosedAsync(int clients, TimeSpan duration, Func<int, Task<string?>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        string? firstError = null;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                var error = await RunAsync(operation, Interlocked.Increment(ref next));
                if (error is null)
                {
                    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));
        return new LoadResult(new Latencies(latencies), latencies.Count, failed, clock.Elapsed, firstError);
    }

    /// <summary>Runs <paramref name="count"/> operations with <paramref name="clients"/> concurrent clients (each index once).</summary>
    public static async Task<LoadResult> BatchAsync(int count, int clients, Func<int, Task<string?>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new double[count];
        var errors = new string?[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var started = clock.Elapsed;
                errors[index] = await RunAsync(operation, index);
                latencies[index] = (clock.Elapsed - started).TotalMilliseconds;
            }
        })));
        var ok = Enumerable.Range(0, count).Where(i => errors[i] is null).ToList();
        return new LoadResult(new Latencies(ok.Select(i => latencies[i])), ok.Count, count - ok.Count, clock.Elapsed, errors.FirstOrDefault(e => e is not null));
    }

    private static async Task<string?> RunAsync(Func<int, Task<string?>> operation, int index)
    {
        try
        {
            return await operation(index);
        }
#pragma warning disable CA1031 // A failed operation is counted and reported, not fatal to the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
