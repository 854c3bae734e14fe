namespace EscalationFlows.Server.Api.ApiKeys;

/// <summary>Body of API key creation.</summary>
public sealed class CreateApiKeyRequest
{
    /// <summary>Who uses the key (an integration's name).</summary>
    public string? Name { get; init; }

    /// <summary>The key's roles; default viewer.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
