namespace EscalationFlows.Bench;

/// <summary>What one load run measured: latencies of the operations that succeeded, failures, and the completed rate.</summary>
public sealed record LoadResult(Latencies Latencies, int Succeeded, int Failed, TimeSpan Elapsed, string? FirstError)
{
    public double Throughput => Succeeded / Elapsed.TotalSeconds;
}
