namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// An API key (table <c>auth_api_keys</c>). The key itself is never stored: only its public id (part of the key, for
/// lookup) and the SHA-256 of its secret part. Revoked and expired keys stay for the audit trail.
/// </summary>
public sealed class ApiKeyRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret part.</summary>
    public required string SecretHash { get; set; }

    /// <summary>JSON array of role names.</summary>
    public required string Roles { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
