namespace EscalationFlows.Server.Auth;

/// <summary>The claim types of every principal, whatever scheme authenticated it (cookie, API key, bearer token).</summary>
public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    public const string Team = "team";

    /// <summary>user, api-key or token.</summary>
    public const string Kind = "ef_kind";

    /// <summary>The user's security stamp when the session was issued.</summary>
    public const string Stamp = "ef_stamp";

    public const string UserKind = "user";
    public const string ApiKeyKind = "api-key";
    public const string TokenKind = "token";
}
