using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.Escalations;

/// <summary>
/// A new escalation. With <see cref="TicketId"/> (a tracked ticket) the source, ids, client, tier, title and priority come
/// from the ticket unless given. Impact and urgency are 1 (high) to 3 (low), both or neither.
/// </summary>
public sealed class CreateEscalationRequest
{
    public string? TicketId { get; set; }

    public string? Source { get; set; }

    public string? ExternalId { get; set; }

    public string? ExternalUrl { get; set; }

    public string? Client { get; set; }

    public string? ClientEmail { get; set; }

    public string? ClientContact { get; set; }

    public string? AccountId { get; set; }

    public JsonObject? Account { get; set; }

    public string? Tier { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public int? Impact { get; set; }

    public int? Urgency { get; set; }

    /// <summary>client-request, manual-flag, sla-risk or sla-breach; default manual-flag (client-request when <see cref="ClientRequested"/>).</summary>
    public string? TriggerReason { get; set; }

    /// <summary>The frontline handler (user id or email); default the caller when a person.</summary>
    public string? Handler { get; set; }

    public List<string>? Stakeholders { get; set; }

    public List<string>? PriorAttempts { get; set; }

    public string? FlagReason { get; set; }

    public bool? ClientRequested { get; set; }

    /// <summary>The handler lacks the authority the fix needs.</summary>
    public bool? NeedsAuthority { get; set; }
}
