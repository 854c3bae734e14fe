namespace EscalationFlows.Server.Auth;

/// <summary>Authentication settings, bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>How long a studio session lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Origins (scheme://host[:port]) besides the server's own that may send state-changing requests, e.g. a studio dev
    /// server on another port. Requests from any other browser origin are refused (see docs/roles.md, CSRF).
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) for client links; when empty, one is generated once and stored in the database.</summary>
    public string? ClientLinkKey { get; set; }

    /// <summary>How long a client link works.</summary>
    public TimeSpan ClientLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The server's public address (https://escalations.example.com), to put full URLs in client links (`{PublicBaseUrl}/client/{token}`, the studio's client page); else links carry the path only.</summary>
    public string? PublicBaseUrl { get; set; }

    public JwtOptions Jwt { get; set; } = new();
}
