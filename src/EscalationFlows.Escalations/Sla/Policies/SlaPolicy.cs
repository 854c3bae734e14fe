using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>
/// An SLA policy: response and resolution targets per priority (and optional client tier), the business calendar they
/// count in, the statuses that pause the clock, and the thresholds that fire while it runs. JSON form (camelCase):
/// <code>
/// {
///   "id": "standard", "name": "Standard support", "version": 1, "calendarId": "business-hours",
///   "targets": [ { "priority": 1, "responseMinutes": 15, "resolutionMinutes": 240 },
///                { "priority": 1, "tier": "platinum", "responseMinutes": 10, "resolutionMinutes": 120 } ],
///   "pauseConditions": [ { "status": "awaiting-client", "reason": "awaiting client" } ],
///   "thresholds": [ { "percent": 75, "name": "75 % warning", "action": "warn" } ]
/// }
/// </code>
/// Omitting <c>pauseConditions</c> or <c>thresholds</c> uses <see cref="SlaPauseCondition.Defaults"/> and
/// <see cref="SlaThreshold.Defaults"/>; an empty list means none.
/// </summary>
public sealed record SlaPolicy
{
    /// <summary>Lowest priority number (most urgent).</summary>
    public const int HighestPriority = 1;

    /// <summary>Highest priority number (least urgent).</summary>
    public const int LowestPriority = 5;

    /// <summary>Stable id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Version, from 1; a changed policy gets a new version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Id of the <see cref="Calendars.BusinessCalendar"/> the targets count in.</summary>
    public string CalendarId { get; init; } = string.Empty;

    /// <summary>Targets; every priority 1–5 needs one without a tier.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; init; } = [];

    /// <summary>Statuses that pause the clock.</summary>
    public IReadOnlyList<SlaPauseCondition> PauseConditions { get; init; } = SlaPauseCondition.Defaults;

    /// <summary>Thresholds, as percentages of the target.</summary>
    public IReadOnlyList<SlaThreshold> Thresholds { get; init; } = SlaThreshold.Defaults;

    /// <summary>Every problem in the policy, each with a JSON pointer and a plain sentence; empty when valid.</summary>
    public IReadOnlyList<DefinitionError> Validate() => SlaPolicyValidator.Validate(this);

    /// <summary>The target for a priority and tier: the tier's own target when there is one, else the priority's default.</summary>
    /// <exception cref="ArgumentException">When no target matches (only possible for an invalid policy or priority).</exception>
    public SlaTarget ResolveTarget(int priority, string? tier = null)
    {
        SlaTarget? match = null;
        if (!string.IsNullOrWhiteSpace(tier))
        {
            match = Targets.FirstOrDefault(t => t.Priority == priority && string.Equals(t.Tier, tier, StringComparison.OrdinalIgnoreCase));
        }

        match ??= Targets.FirstOrDefault(t => t.Priority == priority && string.IsNullOrEmpty(t.Tier));
        return match ?? throw new ArgumentException($"The SLA policy '{Id}' has no target for priority {priority}; priorities run from {HighestPriority} to {LowestPriority}.", nameof(priority));
    }

    /// <summary>The business duration for a metric, priority and tier.</summary>
    public TimeSpan TargetFor(SlaMetric metric, int priority, string? tier = null) => ResolveTarget(priority, tier).For(metric);

    /// <summary>The pause reason when <paramref name="status"/> pauses the clock (compared ignoring case), otherwise null.</summary>
    public string? PauseReasonFor(string? status) =>
        string.IsNullOrWhiteSpace(status)
            ? null
            : PauseConditions.FirstOrDefault(c => string.Equals(c.Status, status, StringComparison.OrdinalIgnoreCase))?.Reason;
}
