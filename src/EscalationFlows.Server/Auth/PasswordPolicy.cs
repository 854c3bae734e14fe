namespace EscalationFlows.Server.Auth;

/// <summary>What a password must be: 12 to 256 characters, not the email, not one repeated character, not a well-known one.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    private static readonly string[] WellKnown = ["password1234", "password12345", "123456789012", "qwertyuiopas", "administrator", "changeme1234", "letmein12345"];

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"The password needs at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"The password may have at most {MaxLength} characters.";
        }

        if (password.Distinct().Count() == 1 || WellKnown.Contains(password.ToLowerInvariant(), StringComparer.Ordinal)
            || password.StartsWith("password", StringComparison.OrdinalIgnoreCase))
        {
            return "The password is too easy to guess; use a passphrase of several words.";
        }

        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "The password may not be the email address.";
        }

        return null;
    }
}
