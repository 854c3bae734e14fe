namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A signed client link (table <c>auth_client_links</c>): what it is for (purpose and subject), until when, and
/// whether it was revoked or used. The token is not stored; it is an HMAC the server recomputes.
/// </summary>
public sealed class ClientLinkRow
{
    public required string Id { get; set; }

    public required string Purpose { get; set; }

    public required string SubjectId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>When it was answered; a link works once for its purpose.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
