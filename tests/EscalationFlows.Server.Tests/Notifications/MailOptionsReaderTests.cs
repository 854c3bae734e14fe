using EscalationFlows.Server.Notifications;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace EscalationFlows.Server.Tests.Notifications;

public sealed class MailOptionsReaderTests
{
    private static MailOptions Read(params (string Key, string Value)[] settings) => MailOptionsReader.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Mail:{s.Key}", (string?)s.Value))).Build());

    [Fact]
    public void Without_settings_mail_goes_to_the_log()
    {
        var options = Read();

        Assert.False(options.UsesSmtp);
        Assert.Equal(MailOptions.DefaultFrom, options.From);
    }

    [Theory]
    [InlineData("false", SecureSocketOptions.None)]
    [InlineData("true", SecureSocketOptions.SslOnConnect)]
    [InlineData("STARTTLS", SecureSocketOptions.StartTls)]
    public void UseSsl_chooses_the_socket_security(string value, SecureSocketOptions expected)
    {
        Assert.Equal(expected, Read(("Smtp:Host", "mail.example"), ("Smtp:UseSsl", value)).Security);
    }

    [Fact]
    public void Unset_security_uses_starttls_when_offered_and_tls_on_port_465()
    {
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, Read(("Smtp:Host", "mail.example"), ("Smtp:Port", "587")).Security);
        Assert.Equal(SecureSocketOptions.SslOnConnect, Read(("Smtp:Host", "mail.example"), ("Smtp:Port", "465")).Security);
    }

    [Theory]
    [InlineData("Smtp:UseSsl", "sometimes", "Mail:Smtp:UseSsl")]
    [InlineData("Smtp:Port", "70000", "Mail:Smtp:Port")]
    [InlineData("From", "nobody", "Mail:From")]
    [InlineData("Smtp:TimeoutSeconds", "0", "Mail:Smtp:TimeoutSeconds")]
    [InlineData("Smtp:UserName", "desk", "Mail:Smtp:Password")]
    public void A_value_that_cannot_be_used_fails_at_startup_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("Smtp:Host", "mail.example"), (key, value)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
