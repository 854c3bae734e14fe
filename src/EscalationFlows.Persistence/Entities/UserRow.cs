namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A person who signs in (table <c>auth_users</c>). The password hash is computed by the server (ASP.NET Core's
/// <c>PasswordHasher</c>); this layer only stores it. Roles are a JSON array of role names.
/// </summary>
public sealed class UserRow
{
    public required string Id { get; set; }

    public required string Email { get; set; }

    /// <summary>The email in lower case: the unique sign-in name.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>JSON array of role names.</summary>
    public required string Roles { get; set; }

    /// <summary>Changes whenever the password or roles change; sessions issued before are no longer accepted.</summary>
    public required string SecurityStamp { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
