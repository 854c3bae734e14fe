namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>SLA settings, bound from the <c>Sla</c> configuration section.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>The policy a ticket follows when it names none.</summary>
    public string DefaultPolicyId { get; set; } = "standard";

    /// <summary>The IANA time zone of the shipped calendars (business-hours, 24x7) when they are seeded into an empty database.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>How many clocks one transaction recomputes after a policy or calendar change.</summary>
    public int RecomputeBatchSize { get; set; } = 200;
}
