namespace EscalationFlows.Persistence.Configurations;

/// <summary>The tables of the SLA module (prefix <c>sla_</c>) and of tracked tickets (prefix <c>esc_</c>).</summary>
public static class SlaTableNames
{
    public const string Calendars = "sla_calendars";
    public const string Policies = "sla_policies";
    public const string Clocks = "sla_clocks";
    public const string Tickets = "esc_tickets";
}
