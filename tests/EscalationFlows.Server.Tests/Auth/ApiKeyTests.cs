using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>API keys: random, prefixed, shown once, hashed at rest, revocable, optionally expiring.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_is_shown_once_works_is_hashed_at_rest_and_stops_working_when_revoked()
    {
        await using var factory = new ServerFactory();
        using var admin = factory.CreateClient();

        var created = await (await admin.PostJsonAsync("/api/api-keys", new JsonObject { ["name"] = "ticket sync", ["roles"] = new JsonArray("escalation-manager") }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        var id = created["apiKey"]!["id"]!.GetValue<string>();

        Assert.Matches("^efk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.StartsWith(created["apiKey"]!["prefix"]!.GetValue<string>(), key, StringComparison.Ordinal);
        var listed = (await (await admin.GetAsync("/api/api-keys", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('_')[2], listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["escalation-manager"], listed.Single(k => k!["id"]!.GetValue<string>() == id)!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        using var integration = factory.CreateAnonymousClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        var me = await integration.GetObjectAsync("/api/auth/me");
        Assert.Equal($"api-key:{id}", me["id"]!.GetValue<string>());
        Assert.Equal("ticket sync", me["displayName"]!.GetValue<string>());
        await integration.GetObjectAsync("/api/tasks?assignee=any");
        await (await integration.GetAsync("/api/api-keys", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        AssertNotInDatabase(factory, key);
        AssertNotInDatabase(factory, key.Split('_')[2]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/api-keys/{id}", ApiCalls.Token)).StatusCode);
        await (await integration.GetAsync("/api/auth/me", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await admin.DeleteAsync("/api/api-keys/nosuchkey000", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_expired_key_a_malformed_key_and_an_all_zero_key_are_401()
    {
        await using var factory = new ServerFactory();
        using var admin = factory.CreateClient();
        var created = await (await admin.PostJsonAsync("/api/api-keys", new JsonObject { ["name"] = "short-lived", ["expiresAt"] = ServerFactory.Epoch.AddHours(1) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(["viewer"], created["apiKey"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created["key"]!.GetValue<string>());
        await client.GetObjectAsync("/api/auth/me");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var expired = await (await client.GetAsync("/api/auth/me", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("API key is not valid", expired["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var bad in new[] { "00000000-0000-0000-0000-000000000000", "efk_aaaaaaaaaaaa_" + new string('A', 43), "efk_" + created["apiKey"]!["id"] + "_wrong" })
        {
            using var other = factory.CreateAnonymousClient();
            other.DefaultRequestHeaders.Add("X-Api-Key", bad);
            await (await other.GetAsync("/api/auth/me", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }

        var past = await (await admin.PostJsonAsync("/api/api-keys", new JsonObject { ["name"] = "old", ["expiresAt"] = ServerFactory.Epoch }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(past.Errors(), e => e.Pointer == "/expiresAt");
    }

    private static void AssertNotInDatabase(ServerFactory factory, string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.EnumerateFiles(factory.Root, "escalationflows.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} contains the API key in clear.");
        }
    }
}
