using System.Diagnostics;

namespace EscalationFlows.Bench;

/// <summary>CPU time used by this process: a cost per operation that a busy machine distorts far less than latency.</summary>
public static class Cpu
{
    public static TimeSpan ThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="run"/> and returns its result with the CPU time <paramref name="cpu"/> reported across it.</summary>
    public static async Task<(T Result, TimeSpan Cpu)> MeasureAsync<T>(Func<TimeSpan> cpu, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(run);
        var before = cpu();
        var result = await run();
        return (result, cpu() - before);
    }
}
