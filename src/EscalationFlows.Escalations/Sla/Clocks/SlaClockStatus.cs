using System.Text.Json.Serialization;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Where an SLA clock stands at an instant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaClockStatus>))]
public enum SlaClockStatus
{
    /// <summary>Not started (or the instant is before the start).</summary>
    [JsonStringEnumMemberName("not-started")]
    NotStarted,

    /// <summary>Counting business time; the deadline has not passed.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Paused (for example awaiting client); the deadline has not passed.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>Stopped at or before the deadline.</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>The deadline has passed: running or paused after it, or stopped after it.</summary>
    [JsonStringEnumMemberName("breached")]
    Breached,
}
