namespace EscalationFlows.Server.Auth;

/// <summary>
/// Authentication scheme names. <see cref="Default"/> picks one per request: an <c>X-Api-Key</c> header means the API
/// key scheme, an <c>Authorization: Bearer</c> header the JWT scheme (when configured), anything else the session cookie.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "EscalationFlows";
    public const string Cookie = "Cookies";
    public const string ApiKey = "ApiKey";
    public const string Bearer = "Bearer";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "ef_session";
}
