namespace EscalationFlows.Bench.Studio;

/// <summary>Median, 95th percentile (nearest rank), minimum and maximum of a set of milliseconds.</summary>
public sealed record Stats(double Median, double P95, double Min, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(values));
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
        return new Stats(median, p95, sorted[0], sorted[^1]);
    }
}
