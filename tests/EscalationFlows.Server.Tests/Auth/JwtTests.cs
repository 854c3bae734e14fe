using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using EscalationFlows.Server.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>The optional JWT bearer scheme: issuer, audience, lifetime (≤ 30 s skew, on the server's clock) and signature with an algorithm allowlist.</summary>
public sealed class JwtTests
{
    private const string Issuer = "https://idp.example.test";
    private const string Audience = "escalationflows";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private static ServerFactory Server() => new(new Dictionary<string, string?>
    {
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
        ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(Key),
    });

    private static string Token(DateTimeOffset now, string audience = Audience, byte[]? key = null, TimeSpan? lifetime = null, string issuer = Issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(10))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "idp-user-7", ["name"] = "Idp User", ["email"] = "idp@example.test", ["roles"] = new[] { "escalation-manager", "wizard" }, ["teams"] = new[] { "Network" } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256),
        });

    private static async Task<HttpResponseMessage> MeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, ApiCalls.Token);
    }

    [Fact]
    public async Task A_valid_token_signs_the_caller_in_with_its_known_roles_and_teams()
    {
        await using var factory = Server();
        using var client = factory.CreateAnonymousClient();

        var me = await (await MeAsync(client, Token(factory.Clock.GetUtcNow()))).ReadObjectAsync();

        Assert.Equal("idp-user-7", me["id"]!.GetValue<string>());
        Assert.Equal(["escalation-manager"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Network"], me["teams"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Wrong_audience_issuer_or_key_alg_none_and_a_token_past_its_expiry_plus_30_seconds_are_401()
    {
        await using var factory = Server();
        using var client = factory.CreateAnonymousClient();
        var now = factory.Clock.GetUtcNow();
        var unsigned = $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"x","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{now.AddHours(1).ToUnixTimeSeconds()}},"roles":["admin"]}""")}.";

        foreach (var bad in new[] { Token(now, audience: "someone-else"), Token(now, issuer: "https://evil.test"), Token(now, key: RandomNumberGenerator.GetBytes(32)), unsigned, "not-a-token" })
        {
            await (await MeAsync(client, bad)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }

        var shortLived = Token(now, lifetime: TimeSpan.FromMinutes(1));
        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(20));
        await (await MeAsync(client, shortLived)).ReadObjectAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(11));
        var expired = await MeAsync(client, shortLived);
        await expired.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(expired.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public void A_clock_skew_above_30_seconds_or_a_short_key_stops_the_server_from_starting()
    {
        foreach (var (name, value) in new[] { ("Auth:Jwt:ClockSkew", "00:05:00"), ("Auth:Jwt:SigningKey", Convert.ToBase64String(new byte[16])) })
        {
            using var factory = new ServerFactory(new Dictionary<string, string?>
            {
                ["Auth:Jwt:Issuer"] = Issuer,
                ["Auth:Jwt:Audience"] = Audience,
                ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(Key),
                [name] = value,
            });
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("Auth:Jwt", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
