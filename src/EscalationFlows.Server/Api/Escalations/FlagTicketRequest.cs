namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A frontline flag on a tracked ticket: escalates it (or flags its open escalation).</summary>
public sealed class FlagTicketRequest
{
    public string? Reason { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public int? Impact { get; set; }

    public int? Urgency { get; set; }

    public string? ClientEmail { get; set; }

    public bool? ClientRequested { get; set; }

    public bool? NeedsAuthority { get; set; }

    public bool? RaisePriority { get; set; }
}
