using EscalationFlows.Persistence.Entities;
using EscalationFlows.Server.Auth;

namespace EscalationFlows.Server.Api.ApiKeys;

/// <summary>An API key without its secret: its id (also the second part of the key), name, roles and lifecycle.</summary>
public sealed record ApiKeyResponse
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>How the key starts (<c>efk_{id}_</c>), to recognise it.</summary>
    public required string Prefix { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public static ApiKeyResponse From(ApiKeyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ApiKeyResponse
        {
            Id = row.Id,
            Name = row.Name,
            Prefix = $"{ApiKeyFormat.Prefix}{row.Id}_",
            Roles = System.Text.Json.JsonSerializer.Deserialize<string[]>(row.Roles) ?? [],
            CreatedAt = row.CreatedAt,
            CreatedBy = row.CreatedBy,
            ExpiresAt = row.ExpiresAt,
            RevokedAt = row.RevokedAt,
        };
    }
}
