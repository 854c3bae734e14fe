using System.Text.Json.Serialization;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Whether a ledger interval counts business time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaLedgerIntervalKind>))]
public enum SlaLedgerIntervalKind
{
    /// <summary>The clock runs: business time inside the interval counts.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The clock is paused: nothing counts.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,
}
