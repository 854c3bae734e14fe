using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>What an unhandled activity failure does to the instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentStrategy>))]
public enum IncidentStrategy
{
    /// <summary>The instance becomes <c>Faulted</c>; the failed step can be retried.</summary>
    [JsonStringEnumMemberName("fault")]
    Fault,

    /// <summary>The incident is recorded, the failed branch ends, other branches continue.</summary>
    [JsonStringEnumMemberName("continue")]
    Continue,
}
