namespace EscalationFlows.Escalations.Sla.Subjects;

/// <summary>The lowercase names of <see cref="SlaMetric"/> used in storage, events, timer ids and activity inputs.</summary>
public static class SlaMetrics
{
    public const string Response = "response";

    public const string Resolution = "resolution";

    /// <summary>Both metrics, response first.</summary>
    public static IReadOnlyList<SlaMetric> All { get; } = [SlaMetric.Response, SlaMetric.Resolution];

    public static string Name(SlaMetric metric) => metric == SlaMetric.Response ? Response : Resolution;

    public static bool TryParse(string? text, out SlaMetric metric)
    {
        if (string.Equals(text, Response, StringComparison.OrdinalIgnoreCase))
        {
            metric = SlaMetric.Response;
            return true;
        }

        metric = SlaMetric.Resolution;
        return string.Equals(text, Resolution, StringComparison.OrdinalIgnoreCase);
    }
}
