using EscalationFlows.Server.Auth;
using EscalationFlows.Server.ClientLinks;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Tests.ClientLinks;

/// <summary>Where a client link points: the studio's client page for people, the API path for integrations.</summary>
public sealed class ClientLinkUrlTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://escalations.example.com", "https://escalations.example.com/client/")]
    [InlineData("https://escalations.example.com/", "https://escalations.example.com/client/")]
    [InlineData(null, "/client/")]
    public void The_url_opens_the_client_page_and_the_api_path_stays_on_the_api(string? publicBaseUrl, string urlPrefix)
    {
        var signer = new ClientLinkSigner(Options.Create(new AuthOptions { PublicBaseUrl = publicBaseUrl }));
        signer.UseKey(new byte[32]);

        var ticket = signer.Issue("link-1", "task", "task-1", IssuedAt);

        Assert.Equal(urlPrefix + ticket.Token, ticket.Url);
        Assert.Equal("/api/client/" + ticket.Token, ticket.ApiPath);
    }
}
