using System.Security.Cryptography;
using System.Text;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// API keys look like <c>efk_{id}_{secret}</c>: the <c>efk_</c> prefix says what they are (secret scanners, logs), the
/// id (12 random base32 characters) finds the row, and the secret is 32 random bytes (256 bits, base64url). Only the
/// SHA-256 of the secret is stored; a high-entropy secret needs no slow hash.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "efk_";

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int IdLength = 12;
    private const int SecretBytes = 32;

    public static (string Id, string Key, string SecretHash) Generate()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, IdLength);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false when it does not have the shape of a key.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[Prefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator != IdLength || rest.Length <= separator + 1)
        {
            return false;
        }

        id = rest[..separator];
        secret = rest[(separator + 1)..];
        return id.All(c => IdAlphabet.Contains(c, StringComparison.Ordinal));
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
