using System.Text.Json.Serialization;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>What a line of an SLA explanation describes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaExplanationLineKind>))]
public enum SlaExplanationLineKind
{
    /// <summary>The clock started.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>Business time while running: counted.</summary>
    [JsonStringEnumMemberName("counted")]
    Counted,

    /// <summary>Running but outside business hours (evenings, weekends, holidays): not counted.</summary>
    [JsonStringEnumMemberName("outside-business-hours")]
    OutsideBusinessHours,

    /// <summary>Paused: not counted.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>The target changed (policy or priority change).</summary>
    [JsonStringEnumMemberName("target-changed")]
    TargetChanged,

    /// <summary>A threshold fired.</summary>
    [JsonStringEnumMemberName("threshold-fired")]
    ThresholdFired,

    /// <summary>The clock stopped (met or breached).</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,
}
