using System.Security.Cryptography;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Auth;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.ClientLinks;

/// <summary>Loads the client-link key at startup: <c>Auth:ClientLinkKey</c> when set, else the one stored in the database (generated on first start).</summary>
public sealed class ClientLinkKeyInitializer
{
    public const string KeyId = "client-links";

    private readonly ClientLinkSigner _signer;
    private readonly SigningKeyStore _keys;
    private readonly AuthOptions _options;
    private readonly TimeProvider _clock;

    public ClientLinkKeyInitializer(ClientLinkSigner signer, SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signer = signer;
        _keys = keys;
        _options = options.Value;
        _clock = clock;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.ClientLinkKey))
        {
            byte[] configured;
            try
            {
                configured = Convert.FromBase64String(_options.ClientLinkKey);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("Auth:ClientLinkKey must be base64 of at least 32 random bytes.", ex);
            }

            if (configured.Length < 32)
            {
                throw new InvalidOperationException("Auth:ClientLinkKey must be base64 of at least 32 random bytes.");
            }

            _signer.UseKey(configured);
            return;
        }

        _signer.UseKey(await _keys.GetOrCreateAsync(KeyId, () => RandomNumberGenerator.GetBytes(32), _clock.GetUtcNow(), cancellationToken));
    }
}
