namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>
/// Response and resolution targets (business minutes in the policy's calendar) for one priority, optionally only for
/// one client tier. A target without a tier is the default for its priority; a tier target overrides it.
/// </summary>
public sealed record SlaTarget
{
    /// <summary>Priority 1 (critical) to 5 (planning).</summary>
    public int Priority { get; init; }

    /// <summary>Client tier this target applies to (for example "platinum"); null for the priority's default.</summary>
    public string? Tier { get; init; }

    /// <summary>Time to first response, in business minutes.</summary>
    public int ResponseMinutes { get; init; }

    /// <summary>Time to resolution, in business minutes.</summary>
    public int ResolutionMinutes { get; init; }

    /// <summary>The target for <paramref name="metric"/> as a business duration.</summary>
    public TimeSpan For(SlaMetric metric) =>
        TimeSpan.FromMinutes(metric == SlaMetric.Response ? ResponseMinutes : ResolutionMinutes);
}
