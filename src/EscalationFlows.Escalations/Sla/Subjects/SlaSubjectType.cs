using System.Text.Json.Serialization;

namespace EscalationFlows.Escalations.Sla.Subjects;

/// <summary>What an SLA clock measures: a tracked ticket (not escalated yet) or an escalation run by a workflow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaSubjectType>))]
public enum SlaSubjectType
{
    /// <summary>A tracked ticket registered through <c>POST /api/tickets</c>.</summary>
    [JsonStringEnumMemberName("ticket")]
    Ticket,

    /// <summary>An escalation whose clocks a workflow started with <c>Sla.Start</c>.</summary>
    [JsonStringEnumMemberName("escalation")]
    Escalation,
}
