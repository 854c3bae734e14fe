using System.Text.Json.Serialization;

namespace EscalationFlows.Escalations.Sla;

/// <summary>What an SLA clock measures for a subject (a ticket or an escalation).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaMetric>))]
public enum SlaMetric
{
    /// <summary>Time to first response: from creation until an agent first responds.</summary>
    [JsonStringEnumMemberName("response")]
    Response,

    /// <summary>Time to resolution: from creation until the subject is resolved.</summary>
    [JsonStringEnumMemberName("resolution")]
    Resolution,
}
