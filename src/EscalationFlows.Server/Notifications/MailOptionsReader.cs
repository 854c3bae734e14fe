using System.Globalization;
using MailKit.Security;
using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>Reads <see cref="MailOptions"/>; a value that cannot be used throws <see cref="InvalidOperationException"/> naming its key, at startup.</summary>
public static class MailOptionsReader
{
    public static MailOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mail = configuration.GetSection(MailOptions.Section);
        var smtp = mail.GetSection("Smtp");
        var options = new MailOptions
        {
            Host = Blank(smtp["Host"]),
            UserName = Blank(smtp["UserName"]),
            Password = smtp["Password"],
        };

        if (Blank(mail["From"]) is { } from)
        {
            options.From = MailboxAddress.TryParse(from, out var sender) && sender.Address.Contains('@', StringComparison.Ordinal) ? from : throw Invalid("From", $"'{from}' is not a mail address.");
        }

        if (Blank(smtp["Port"]) is { } port)
        {
            options.Port = int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535
                ? value
                : throw Invalid("Smtp:Port", $"'{port}' is not a port number.");
        }

        if (Blank(smtp["UseSsl"]) is { } ssl)
        {
            options.Security = ssl.ToLowerInvariant() switch
            {
                "false" => SecureSocketOptions.None,
                "true" => SecureSocketOptions.SslOnConnect,
                "starttls" => SecureSocketOptions.StartTls,
                _ => throw Invalid("Smtp:UseSsl", $"'{ssl}' is not false, true or starttls."),
            };
        }
        else if (options.Port == 465)
        {
            options.Security = SecureSocketOptions.SslOnConnect;
        }

        if (Blank(smtp["TimeoutSeconds"]) is { } timeout)
        {
            options.Timeout = int.TryParse(timeout, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 600
                ? TimeSpan.FromSeconds(seconds)
                : throw Invalid("Smtp:TimeoutSeconds", $"'{timeout}' is not a whole number of seconds from 1 to 600.");
        }

        if (options.UserName is not null && options.Password is null)
        {
            throw Invalid("Smtp:Password", "A user name is set but no password.");
        }

        return options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvalidOperationException Invalid(string key, string message) => new($"Configuration {MailOptions.Section}:{key}: {message}");
}
