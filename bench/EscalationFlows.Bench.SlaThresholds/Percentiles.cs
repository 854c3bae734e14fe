namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>p50, p95, p99 and max of a set of durations (nearest rank).</summary>
public sealed record Percentiles(TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    public static Percentiles Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        TimeSpan Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }

    public override string ToString() => $"{Ms(P50)} / {Ms(P95)} / {Ms(P99)} / {Ms(Max)}";

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds >= 100 ? "N0" : "N1", System.Globalization.CultureInfo.InvariantCulture);
}
