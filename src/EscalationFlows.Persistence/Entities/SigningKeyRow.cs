namespace EscalationFlows.Persistence.Entities;

/// <summary>A server-generated secret key (table <c>auth_signing_keys</c>), such as the client-link HMAC key, created once.</summary>
public sealed class SigningKeyRow
{
    public required string Id { get; set; }

    /// <summary>Base64 of the key bytes.</summary>
    public required string Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
