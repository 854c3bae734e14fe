namespace EscalationFlows.Escalations.Storage;

/// <summary>A person escalations can be assigned to or notify: id, email, name, roles, teams and skills.</summary>
public sealed record DirectoryUser
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Teams { get; init; } = [];

    public IReadOnlyList<string> Skills { get; init; } = [];
}
