namespace EscalationFlows.Server.Api.Users;

/// <summary>Body of user creation: roles are granted here, by an admin only.</summary>
public sealed class CreateUserRequest
{
    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Names of existing teams.</summary>
    public IReadOnlyList<string>? Teams { get; init; }
}
