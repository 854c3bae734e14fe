namespace EscalationFlows.Server.Auth;

/// <summary>
/// Optional JWT bearer authentication (<c>Auth:Jwt</c>). Off unless <see cref="Issuer"/> and <see cref="Audience"/> are set
/// together with a <see cref="SigningKey"/> (HMAC) or an <see cref="Authority"/> (OpenID Connect discovery).
/// </summary>
public sealed class JwtOptions
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64 symmetric key of at least 32 bytes, for HS256 tokens.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect issuer whose published keys sign the tokens (RS256, ES256...).</summary>
    public string? Authority { get; set; }

    /// <summary>Accepted signing algorithms; anything else (including <c>none</c>) is refused. Default: HS256 with a key, RS256 and ES256 with an authority.</summary>
    public IList<string> Algorithms { get; } = [];

    /// <summary>Tolerance for clock differences on exp/nbf; at most 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Audience) || !string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Why the settings cannot be used, or null when they can (or JWT is off).</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            return "Auth:Jwt needs both Issuer and Audience.";
        }

        if (string.IsNullOrWhiteSpace(SigningKey) == string.IsNullOrWhiteSpace(Authority))
        {
            return "Auth:Jwt needs exactly one of SigningKey (base64, HS256) or Authority (OpenID Connect).";
        }

        if (SigningKey is { Length: > 0 } key && (!TryDecode(key, out var bytes) || bytes.Length < 32))
        {
            return "Auth:Jwt:SigningKey must be base64 of at least 32 random bytes.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromSeconds(30))
        {
            return "Auth:Jwt:ClockSkew must be between 0 and 30 seconds.";
        }

        if (Algorithms.Any(a => string.Equals(a, "none", StringComparison.OrdinalIgnoreCase)))
        {
            return "Auth:Jwt:Algorithms may not allow 'none'.";
        }

        return null;
    }

    public IReadOnlyList<string> EffectiveAlgorithms =>
        Algorithms.Count > 0 ? [.. Algorithms] : string.IsNullOrWhiteSpace(SigningKey) ? ["RS256", "ES256"] : ["HS256"];

    public byte[] KeyBytes() => Convert.FromBase64String(SigningKey!);

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
