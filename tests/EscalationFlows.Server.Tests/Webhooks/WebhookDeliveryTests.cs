using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using EscalationFlows.Server.Webhooks;
using EscalationFlows.Testing;
using Flow = EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static async Task<string> StartWebhookAsync(HttpClient client, string url)
    {
        var id = Ids.New("hook");
        var flow = new Flow(id)
            .Variable("sent")
            .Add("start", "Start")
            .Add("hook", "SendWebhook", new JsonObject { ["outputs"] = new JsonObject { ["messageId"] = "sent" } }, Flow.Literal("url", url), Flow.Js("body", "({ event: 'escalated', instance: instance.id })"),
                Flow.Literal("headers", new JsonObject { ["X-Team"] = "ops", ["webhook-id"] = "spoofed" }))
            .Add("end", "End")
            .Chain("start", "hook", "end");
        await (await client.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);
        var run = await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        return run["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_webhook_is_posted_signed_with_its_message_id_and_redelivered_with_the_same_id_after_a_failure()
    {
        using var receiver = new WebhookReceiver();
        var answers = 0;
        receiver.Respond = _ => Interlocked.Increment(ref answers) == 1 ? 503 : 204;
        await using var factory = new ServerFactory(new Dictionary<string, string?> { ["Webhooks:SigningSecret"] = WebhookReceiver.SigningSecret });
        using var client = factory.CreateClient();
        var instanceId = await StartWebhookAsync(client, receiver.BaseUrl + "hooks/escalations");

        // The fake clock moves a second per poll: the failed attempt is rescheduled 5 s after it was recorded, whenever that was.
        await Poll.UntilAsync(() =>
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(receiver.Accepted.Count);
        }, n => n == 1, "the delivery, a 503, and the redelivery");

        var attempts = receiver.Received.ToList();
        Assert.Equal(2, attempts.Count);
        var messageId = (await client.GetObjectAsync($"/api/workflow-instances/{instanceId}"))["variables"]!["sent"]!.GetValue<string>();
        Assert.All(attempts, a =>
        {
            Assert.Equal(("POST", "/hooks/escalations", messageId, messageId), (a.Method, a.Path, a.Id, a.IdempotencyKey));
            Assert.True(a.SignatureValid, $"signature {a.Signature} over {a.Id}.{a.Timestamp}.{a.Body}");
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["event"] = "escalated", ["instance"] = instanceId }, JsonNode.Parse(a.Body)), a.Body);
        });
        var timestamps = attempts.Select(a => long.Parse(a.Timestamp!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(timestamps[0] >= ServerFactory.Epoch.ToUnixTimeSeconds() && timestamps[1] >= timestamps[0] + 5, $"attempt times {string.Join(", ", timestamps)}");
        Assert.Equal(1, receiver.Accepted[messageId]);
    }

    [Fact]
    public async Task Without_a_secret_webhooks_are_sent_unsigned_and_the_server_says_so()
    {
        using var receiver = new WebhookReceiver();
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        await StartWebhookAsync(client, receiver.BaseUrl);

        var received = (await Poll.UntilAsync(() =>
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(receiver.Received.ToList());
        }, r => r.Count == 1, "the delivery"))[0];

        Assert.Null(received.Signature);
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("Webhooks:SigningSecret is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_secret_stops_the_server_at_startup_naming_the_setting()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { ["Webhooks:SigningSecret"] = "whsec_tooshort" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Webhooks:SigningSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_matches_the_Standard_Webhooks_test_vector()
    {
        var key = WebhookSignature.TryParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var error);

        Assert.Null(error);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign(key!, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""u8));
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_secret_that_is_not_24_to_64_base64_bytes_is_refused_with_the_reason(string secret)
    {
        Assert.Null(WebhookSignature.TryParseSecret(secret, out var error));
        Assert.NotNull(error);
    }
}
