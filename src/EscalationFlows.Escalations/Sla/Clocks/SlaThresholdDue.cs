namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>
/// A threshold a scheduler should fire at <paramref name="DueAt"/>. <paramref name="Id"/> is stable for the subject,
/// metric and percentage, so a durable timer table can upsert it when the due instant moves and cancel it when it
/// is no longer pending.
/// </summary>
/// <param name="Id">"{subjectId}/{metric}/{percent}", see <see cref="IdFor"/>.</param>
/// <param name="SubjectId">The ticket or escalation.</param>
/// <param name="Metric">Response or resolution.</param>
/// <param name="Percent">The threshold's percentage of the target.</param>
/// <param name="Name">The threshold's display name.</param>
/// <param name="Action">The threshold's action label ("warn", "escalate", "breach").</param>
/// <param name="DueAt">When to fire (UTC); equal to the query instant when the threshold is already reached.</param>
/// <param name="ElapsedAtThreshold">The business time at which the threshold is reached (percent × target).</param>
/// <param name="AlreadyReached">True when the threshold was reached before the query instant (for example after a target was lowered).</param>
/// <param name="ReachedAt">When it was reached, if already reached.</param>
public sealed record SlaThresholdDue(
    string Id,
    string SubjectId,
    SlaMetric Metric,
    int Percent,
    string Name,
    string Action,
    DateTimeOffset DueAt,
    TimeSpan ElapsedAtThreshold,
    bool AlreadyReached,
    DateTimeOffset? ReachedAt)
{
    /// <summary>The stable id of a threshold timer: "{subjectId}/{metric}/{percent}", for example "INC0000045/resolution/75".</summary>
    public static string IdFor(string subjectId, SlaMetric metric, int percent) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{subjectId}/{(metric == SlaMetric.Response ? "response" : "resolution")}/{percent}");
}
