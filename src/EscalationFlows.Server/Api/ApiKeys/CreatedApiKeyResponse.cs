namespace EscalationFlows.Server.Api.ApiKeys;

/// <summary>A new API key: <see cref="Key"/> is shown this once and is not stored; send it as the <c>X-Api-Key</c> header.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
