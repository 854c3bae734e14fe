using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Server.Auth;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.ClientLinks;

/// <summary>
/// Signs and reads client-link tokens: <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c> with payload
/// <c>v1|linkId|purpose|subjectId|expiresUnixSeconds</c>. Reading checks the shape, the canonical encoding and the MAC
/// (constant-time) before looking at any field, so a token that was changed in any byte is refused. The key comes from
/// <c>Auth:ClientLinkKey</c> or is generated once and stored in the database (<see cref="ClientLinkKeyInitializer"/>).
/// Also the engine's <see cref="IClientLinkIssuer"/>: issuing is pure computation, safe inside a burst.
/// </summary>
public sealed class ClientLinkSigner : IClientLinkIssuer
{
    public const int MaxTokenLength = 1024;
    public const string ApiPathPrefix = "/api/client/";

    /// <summary>The studio's page where the client reads and answers the request (designer/src/pages/ClientPage.tsx).</summary>
    public const string PagePathPrefix = "/client/";

    private const string Version = "v1";
    private const char Separator = '|';

    private readonly AuthOptions _options;
    private byte[]? _key;

    public ClientLinkSigner(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public bool HasKey => _key is not null;

    public void UseKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A client-link key needs at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    public ClientLinkTicket Issue(string linkId, string purpose, string subjectId, DateTimeOffset issuedAt) =>
        Create(linkId, purpose, subjectId, issuedAt + _options.ClientLinkLifetime);

    public ClientLinkTicket Create(string linkId, string purpose, string subjectId, DateTimeOffset expiresAt)
    {
        foreach (var (name, value) in new[] { ("linkId", linkId), ("purpose", purpose), ("subjectId", subjectId) })
        {
            if (string.IsNullOrEmpty(value) || value.Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The {name} of a client link may not be empty or contain '{Separator}'.", name);
            }
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        var payload = Encoding.UTF8.GetBytes(string.Join(Separator, Version, linkId, purpose, subjectId, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var token = $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(Key, payload))}";
        var page = PagePathPrefix + token;
        return new ClientLinkTicket
        {
            Id = linkId,
            Purpose = purpose,
            SubjectId = subjectId,
            Token = token,
            ApiPath = ApiPathPrefix + token,
            Url = string.IsNullOrWhiteSpace(_options.PublicBaseUrl) ? page : _options.PublicBaseUrl.TrimEnd('/') + page,
            ExpiresAt = expires,
        };
    }

    /// <summary>The token's claims when it is well-formed and correctly signed; expiry, revocation and use are checked by the caller.</summary>
    public bool TryRead(string? token, out ClientLinkClaims claims)
    {
        claims = null!;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.') || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var mac))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Key, payload), mac))
        {
            return false;
        }

        var fields = Encoding.UTF8.GetString(payload).Split(Separator);
        if (fields.Length != 5 || fields[0] != Version || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        claims = new ClientLinkClaims(fields[1], fields[2], fields[3], DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    private byte[] Key => _key ?? throw new InvalidOperationException("The client-link key was not loaded; the server loads it at startup.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes base64url and insists on the canonical form, so no two spellings of one token exist.</summary>
    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => "!" };
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        return string.Equals(Base64Url(bytes), text, StringComparison.Ordinal);
    }
}
