using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class SendHttpRequestTests
{
    private static string CallFlow(string strategy = "fault", JsonObject? retry = null)
    {
        var extra = MapOutputs(("body", "response"), ("statusCode", "status"));
        foreach (var (key, value) in retry ?? [])
        {
            extra[key] = value?.DeepClone();
        }

        return new Flow("call", strategy)
            .Inputs([new JsonObject { ["name"] = "baseUrl", ["type"] = "string" }])
            .Variable("response")
            .Variable("status")
            .Variable("path")
            .Add("start", "Start")
            .Add("call", "SendHttpRequest", extra,
                Template("url", "{{ baseUrl }}tickets/7"),
                Literal("method", "POST"),
                Js("body", "({ key: 'INC-7', impact: 2 })"))
            .Add("ok", "SetVariable", Literal("variable", "path"), Literal("value", "done"))
            .Add("failed", "SetVariable", Literal("variable", "path"), Literal("value", "failed"))
            .Chain("start", "call")
            .Connect("call", "ok")
            .Connect("call", "failed", "Failed")
            .Json;
    }

    [Fact]
    public async Task A_2xx_answer_continues_on_Done_with_the_parsed_JSON_body()
    {
        using var server = new LocalHttpServer(_ => (201, """{"id":"T-1","tags":["a","b"]}""", "application/json; charset=utf-8"));
        using var engine = new EngineHarness();
        engine.Publish(CallFlow());

        var run = await engine.StartAsync("call", new JsonObject { ["baseUrl"] = server.BaseUrl });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var variables = (await engine.StateAsync(run.InstanceId)).Variables;
        Assert.Equal("done", variables["path"]!.GetValue<string>());
        Assert.Equal(201, variables["status"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":"T-1","tags":["a","b"]}"""), variables["response"]));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/tickets/7"), (request.Method, request.Path));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"key":"INC-7","impact":2}"""), JsonNode.Parse(request.Body)));
        Assert.Equal($"{run.InstanceId}:call:1", request.IdempotencyKey);
    }

    [Fact]
    public async Task A_4xx_answer_continues_on_Failed_with_the_status_code()
    {
        using var server = new LocalHttpServer(_ => (404, "no such ticket", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(CallFlow());

        var run = await engine.StartAsync("call", new JsonObject { ["baseUrl"] = server.BaseUrl });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var variables = (await engine.StateAsync(run.InstanceId)).Variables;
        Assert.Equal("failed", variables["path"]!.GetValue<string>());
        Assert.Equal(404, variables["status"]!.GetValue<int>());
        Assert.Equal("no such ticket", variables["response"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_5xx_answer_is_retried_after_the_backoff_and_every_attempt_is_journaled()
    {
        var calls = 0;
        using var server = new LocalHttpServer(_ => Interlocked.Increment(ref calls) <= 2 ? (503, "busy", "text/plain") : (200, """{"ok":true}""", "application/json"));
        using var engine = new EngineHarness();
        engine.Publish(CallFlow(retry: Retry(maxAttempts: 3, delay: "PT10S", backoffMultiplier: 2)));

        var run = await engine.StartAsync("call", new JsonObject { ["baseUrl"] = server.BaseUrl });

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var retry = Assert.Single(run.Bookmarks);
        Assert.Equal((BookmarkKinds.Retry, EngineHarness.Epoch + TimeSpan.FromSeconds(10)), (retry.Kind, retry.DueAt));

        await engine.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Single(server.Requests);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Requests.Count);
        var second = Assert.Single((await engine.StateAsync(run.InstanceId)).Bookmarks);
        Assert.Equal(engine.Clock.GetUtcNow() + TimeSpan.FromSeconds(20), second.DueAt);

        await engine.AdvanceAsync(TimeSpan.FromSeconds(20));

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("done", state.Variables["path"]!.GetValue<string>());
        Assert.Empty(state.Incidents);
        Assert.Equal([1, 2, 3], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityStarted)).Where(j => j.ActivityId == "call").Select(j => j.Attempt ?? 0));
        Assert.Equal([1, 2], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityFaulted)).Select(j => j.Attempt ?? 0));
        Assert.Equal([2, 3], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityRetryScheduled)).Select(j => j.Attempt ?? 0));
        Assert.All(server.Requests, r => Assert.Equal($"{run.InstanceId}:call:1", r.IdempotencyKey));
    }

    [Fact]
    public async Task When_the_retries_are_exhausted_the_failure_becomes_an_incident()
    {
        using var server = new LocalHttpServer(_ => (500, "down", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(CallFlow(retry: Retry(maxAttempts: 2, delay: "PT1M")));

        var run = await engine.StartAsync("call", new JsonObject { ["baseUrl"] = server.BaseUrl });
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal(("http-status", 2), (incident.Code, incident.Attempt));
        Assert.Contains("answered 500", incident.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_response_body_larger_than_the_limit_is_refused_with_an_incident()
    {
        var huge = new string('x', SendHttpRequestActivity.MaxResponseBytes + 1);
        using var server = new LocalHttpServer(_ => (200, huge, "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(CallFlow());

        var run = await engine.StartAsync("call", new JsonObject { ["baseUrl"] = server.BaseUrl });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("http-response-too-large", Assert.Single(run.Incidents).Code);
    }

    [Fact]
    public async Task Headers_are_sent_including_content_headers()
    {
        using var server = new LocalHttpServer(_ => (204, string.Empty, "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(new Flow("headers")
            .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("call", "SendHttpRequest", Input("url", "url"), Literal("method", "PUT"),
                Literal("headers", new JsonObject { ["Content-Type"] = "application/vnd.ticket+json", ["X-Team"] = "ops" }),
                Js("body", "({ a: 1 })"))
            .Chain("start", "call")
            .Json);

        var run = await engine.StartAsync("headers", new JsonObject { ["url"] = server.BaseUrl });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("application/vnd.ticket+json", request.ContentType);
        Assert.Equal("ops", request.Headers["X-Team"]);
    }
}
