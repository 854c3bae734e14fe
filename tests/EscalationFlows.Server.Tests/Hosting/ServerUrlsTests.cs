using EscalationFlows.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace EscalationFlows.Server.Tests.Hosting;

public sealed class ServerUrlsTests
{
    private static bool Configured(params (string Key, string Value)[] settings) =>
        ServerUrls.AreConfigured(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void The_default_applies_only_when_no_url_or_port_or_endpoint_is_configured()
    {
        Assert.Equal("http://127.0.0.1:5080", ServerUrls.Default);
        Assert.False(Configured());
        Assert.False(Configured(("urls", " ")));
        Assert.True(Configured(("urls", "http://0.0.0.0:8080")));
        Assert.True(Configured(("http_ports", "8080")));
        Assert.True(Configured(("https_ports", "8443")));
        Assert.True(Configured(("Kestrel:Endpoints:Http:Url", "http://localhost:9000")));
    }
}
