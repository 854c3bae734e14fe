using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Sla.Scheduling;

/// <summary>
/// The durable timers of SLA thresholds in the runtime's timer table (<c>wf_timers</c>): kind <see cref="Kind"/>, a stable
/// id per subject, metric and percentage (<c>sla/{subjectId}/{metric}/{percent}</c>), so rescheduling moves the row and
/// cancelling deletes it, and a payload naming the threshold.
/// </summary>
public static class SlaThresholdTimers
{
    /// <summary>The timer kind handled by <see cref="Runtime.SlaThresholdTimerHandler"/>.</summary>
    public const string Kind = "sla.threshold";

    private const string Prefix = "sla/";

    /// <summary>The timer id of a threshold, for example <c>sla/TCK-1/resolution/75</c>.</summary>
    public static string IdFor(string subjectId, SlaMetric metric, int percent) => Prefix + SlaThresholdDue.IdFor(subjectId, metric, percent);

    /// <summary>
    /// The instant stored for a due time: rounded UP to the whole microsecond, because PostgreSQL keeps microseconds and
    /// a timer must never fire before its threshold is reached.
    /// </summary>
    public static DateTimeOffset StoredDue(DateTimeOffset dueAt)
    {
        var utc = dueAt.ToUniversalTime();
        var remainder = utc.UtcTicks % 10;
        return remainder == 0 ? utc : utc.AddTicks(10 - remainder);
    }

    /// <summary>The timer for one threshold of one clock.</summary>
    public static ScheduledTimer Create(string subjectId, SlaMetric metric, int percent, DateTimeOffset dueAt) =>
        new(IdFor(subjectId, metric, percent), Kind, StoredDue(dueAt), new JsonObject
        {
            ["subjectId"] = subjectId,
            ["metric"] = SlaMetrics.Name(metric),
            ["percent"] = percent,
        });

    /// <summary>Reads the payload of a claimed timer.</summary>
    /// <exception cref="FormatException">When the payload is not an SLA threshold payload.</exception>
    public static (string SubjectId, SlaMetric Metric, int Percent) Read(DueTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var payload = timer.Payload as JsonObject;
        var subject = payload?["subjectId"]?.GetValue<string>();
        var metricText = payload?["metric"]?.GetValue<string>();
        var percent = payload?["percent"]?.GetValue<int>();
        if (string.IsNullOrEmpty(subject) || !SlaMetrics.TryParse(metricText, out var metric) || percent is null)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Timer '{timer.Id}' of kind {Kind} has no subjectId, metric and percent in its payload."));
        }

        return (subject, metric, percent.Value);
    }
}
