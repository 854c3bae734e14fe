using System.Text.Encodings.Web;
using System.Text.Json;
using EscalationFlows.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header: the key's id finds its row, the secret must hash to the stored hash
/// (constant-time), and the key must be neither revoked nor expired. The principal carries the key's roles.
/// </summary>
public sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly ApiKeyStore _keys;
    private readonly TimeProvider _clock;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, TimeProvider clock)
        : base(options, logger, encoder)
    {
        _keys = keys;
        _clock = clock;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        const string Invalid = "The API key is not valid: it is unknown, revoked or expired.";
        if (values.Count != 1 || !ApiKeyFormat.TryParse(values[0], out var id, out var secret))
        {
            return AuthenticateResult.Fail(Invalid);
        }

        var row = await _keys.FindAsync(id, Context.RequestAborted);
        if (row is null || !ApiKeyFormat.Matches(secret, row.SecretHash) || row.RevokedAt is not null || (row.ExpiresAt is { } expires && expires <= _clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail(Invalid);
        }

        var roles = JsonSerializer.Deserialize<string[]>(row.Roles) ?? [];
        var principal = CurrentUser.Principal(Scheme.Name, $"api-key:{row.Id}", AuthClaims.ApiKeyKind, string.Empty, row.Name, roles, []);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
