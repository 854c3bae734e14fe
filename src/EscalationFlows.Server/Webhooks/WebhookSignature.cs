using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EscalationFlows.Server.Webhooks;

/// <summary>
/// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>
/// with the secret's bytes, sent as <c>v1,{base64}</c> in the <c>webhook-signature</c> header.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int MinSecretBytes = 24;
    public const int MaxSecretBytes = 64;

    /// <summary>The key bytes of a <c>whsec_</c> secret (the prefix is optional), or null with the reason.</summary>
    public static byte[]? TryParseSecret(string secret, out string? error)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var length))
        {
            error = $"The webhook signing secret is not '{SecretPrefix}' followed by base64.";
            return null;
        }

        if (length is < MinSecretBytes or > MaxSecretBytes)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The webhook signing secret has {length} bytes; use {MinSecretBytes} to {MaxSecretBytes} random bytes.");
            return null;
        }

        error = null;
        return buffer[..length];
    }

    /// <summary>The <c>webhook-signature</c> value for one delivery attempt.</summary>
    public static string Sign(byte[] key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(messageId);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
