using System.Text.Json;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Auth;

/// <summary>Creates API keys (the key is returned once and never stored), lists them without secrets, revokes them.</summary>
public sealed class ApiKeyService
{
    private readonly ApiKeyStore _keys;
    private readonly TimeProvider _clock;

    public ApiKeyService(ApiKeyStore keys, TimeProvider clock)
    {
        _keys = keys;
        _clock = clock;
    }

    /// <summary>Creates a key with the given roles (default <c>viewer</c>); returns the row and the key, which is shown only now.</summary>
    public async Task<(ApiKeyRow Row, string Key)> CreateAsync(string? name, IReadOnlyList<string>? roles, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        var granted = roles is null || roles.Count == 0 ? [Roles.Viewer] : roles;
        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors.Add(ApiError.At("/name", ApiErrorCodes.InvalidValue, "Give the key a name of 1 to 100 characters that says who uses it."));
        }

        for (var i = 0; i < granted.Count; i++)
        {
            if (!Roles.IsKnown(granted[i]))
            {
                errors.Add(ApiError.At($"/roles/{i}", ApiErrorCodes.InvalidValue, $"'{granted[i]}' is not a role; use one of {string.Join(", ", Roles.All)}."));
            }
        }

        var now = _clock.GetUtcNow();
        if (expiresAt is { } expires && expires <= now)
        {
            errors.Add(ApiError.At("/expiresAt", ApiErrorCodes.InvalidValue, "The expiry must be in the future."));
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, errors[0].Code, "The API key request is not valid; see errors.", errors);
        }

        var (id, key, hash) = ApiKeyFormat.Generate();
        var row = new ApiKeyRow
        {
            Id = id,
            Name = name!.Trim(),
            SecretHash = hash,
            Roles = JsonSerializer.Serialize(granted.Distinct(StringComparer.Ordinal).ToArray()),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        await _keys.CreateAsync(row, cancellationToken);
        return (row, key);
    }

    public Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken) => _keys.ListAsync(cancellationToken);

    public Task<bool> RevokeAsync(string id, string revokedBy, CancellationToken cancellationToken) => _keys.RevokeAsync(id, revokedBy, _clock.GetUtcNow(), cancellationToken);
}
