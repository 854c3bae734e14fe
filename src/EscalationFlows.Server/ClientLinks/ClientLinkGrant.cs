using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.ClientLinks;

/// <summary>A client link that checked out: signed, unexpired, not revoked, not used, for the expected purpose.</summary>
public sealed record ClientLinkGrant(ClientLinkClaims Claims, ClientLinkRow Link)
{
    /// <summary>How the link appears as an actor in task events and outputs.</summary>
    public string Actor => $"client-link:{Link.Id}";
}
