using System.Globalization;

namespace EscalationFlows.Bench;

/// <summary>Latencies of one run (milliseconds) and their percentiles.</summary>
public sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds.Order()];
    }

    public int Count => _sorted.Length;

    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>"p50 / p95 / p99 / max" in milliseconds.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Format(Percentile(0.50))} / {Format(Percentile(0.95))} / {Format(Percentile(0.99))} / {Format(Max)}");

    private static string Format(double ms) => ms < 10 ? ms.ToString("0.0", CultureInfo.InvariantCulture) : ms.ToString("0", CultureInfo.InvariantCulture);
}
