using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Http;

/// <summary>Hostile and broken request bodies: every one is answered with problem details and nothing is stored.</summary>
[Collection(ServerCollection.Name)]
public sealed class RequestSafetyTests(ServerFixture server)
{
    private const string Definitions = "/api/workflow-definitions";
    private const int Limit = 1024 * 1024;
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_line_and_position()
    {
        var problem = await (await _client.PostJsonAsync(Definitions, "{\n  \"definitionId\": \"x\",\n  \"name\": }")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");

        Assert.Contains("line 3, position", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var error = Assert.Single(problem.Errors());
        Assert.Equal((string.Empty, "invalid-json"), (error.Pointer, error.Code));

        var truncated = await (await _client.PostJsonAsync(Definitions, "{ \"definitionId\": ")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("is not valid JSON (line 1, position", truncated["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", truncated.Errors()[0].Message, StringComparison.Ordinal);
        var unclosed = await (await _client.PostJsonAsync("/api/workflow-instances", "{ \"input\": [1, ")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("is not valid JSON", unclosed["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var url in new[] { "/api/workflow-instances", "/api/bookmarks/b/resume", "/api/events/e", $"{Definitions}/x/publish", "/api/workflow-instances/i/cancel" })
        {
            var other = await (await _client.PostJsonAsync(url, "{ \"input\": [1, 2,, ] }")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
            Assert.Contains("line 1, position", other["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_activity_type_is_a_422_with_its_pointer_and_nothing_is_saved()
    {
        var id = Ids.New("unknown-type");
        var json = new Flow(id).Add("start", "Start").Add("hack", "Diagnostics.Process").Add("end", "Teleport").Chain("start", "hack", "end").Json;

        var problem = await (await _client.PostJsonAsync(Definitions, json)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");

        var errors = problem.Errors();
        Assert.Contains(errors, e => e.Pointer == "/root/activities/1/type" && e.Code == "unknown-activity-type");
        Assert.Contains(errors, e => e.Pointer == "/root/activities/2/type" && e.Code == "unknown-activity-type");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        await (await _client.GetAsync($"{Definitions}/{id}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Type_discriminator_fields_are_rejected_by_the_schema_and_no_type_is_ever_resolved()
    {
        var resolved = new ConcurrentQueue<string>();
        ResolveEventHandler watch = (_, args) =>
        {
            if (args.Name?.Contains("EvilGadget", StringComparison.Ordinal) == true)
            {
                resolved.Enqueue(args.Name);
            }

            return null;
        };
        AppDomain.CurrentDomain.AssemblyResolve += watch;
        AppDomain.CurrentDomain.TypeResolve += watch;
        try
        {
            const string gadget = "EvilGadget.Payload, EvilGadgetAssembly";
            var id = Ids.New("gadget");
            var root = Workflows.Finishing(id).ToJsonObject();
            root["$type"] = gadget;
            var rootProblem = await (await _client.PostJsonAsync(Definitions, root)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");
            Assert.Contains(rootProblem.Errors(), e => e.Pointer.Contains("$type", StringComparison.Ordinal) && e.Code == "schema");

            var nested = Workflows.Finishing(id).ToJsonObject();
            nested["root"]!["activities"]![1]!["_type"] = gadget;
            nested["root"]!["activities"]![1]!["inputs"]!["value"]!["expression"]!["$type"] = gadget;
            var nestedProblem = await (await _client.PostJsonAsync(Definitions, nested)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");
            Assert.Contains(nestedProblem.Errors(), e => e.Pointer.StartsWith("/root/activities/1", StringComparison.Ordinal) && e.Pointer.Contains("_type", StringComparison.Ordinal));
            Assert.Contains(nestedProblem.Errors(), e => e.Pointer.Contains("/expression", StringComparison.Ordinal) && e.Pointer.Contains("$type", StringComparison.Ordinal));
            await (await _client.GetAsync($"{Definitions}/{id}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound);

            // Where the format allows free JSON (designer metadata, inputs, event payloads) a discriminator is plain data.
            var metadata = Workflows.Waiting(id, "gadget.event").ToJsonObject();
            metadata["root"]!["activities"]![0]!["metadata"] = new JsonObject { ["$type"] = gadget, ["_type"] = gadget };
            await (await _client.PostJsonAsync($"{Definitions}/import?publish=true", metadata)).ReadObjectAsync(HttpStatusCode.Created);
            var run = await (await _client.PostJsonAsync("/api/workflow-instances", new JsonObject
            {
                ["definitionId"] = id,
                ["input"] = new JsonObject { ["$type"] = gadget },
            })).ReadObjectAsync(HttpStatusCode.Created);
            var bookmark = run["bookmarks"]![0]!["id"]!.GetValue<string>();
            var resumed = await (await _client.PostJsonAsync($"/api/bookmarks/{bookmark}/resume", new JsonObject
            {
                ["input"] = new JsonObject { ["$type"] = gadget, ["_type"] = gadget, ["$values"] = new JsonArray(1) },
            })).ReadObjectAsync();
            Assert.Equal("Finished", resumed["status"]!.GetValue<string>());
            Assert.Equal(gadget, resumed["output"]!["payload"]!["$type"]!.GetValue<string>());
            await (await _client.PostJsonAsync("/api/events/gadget.event", new JsonObject { ["payload"] = new JsonObject { ["$type"] = gadget } })).ReadObjectAsync();

            Assert.Empty(resolved);
        }
        finally
        {
            AppDomain.CurrentDomain.AssemblyResolve -= watch;
            AppDomain.CurrentDomain.TypeResolve -= watch;
        }

        // The watch itself works: resolving the gadget name does raise the event.
        AppDomain.CurrentDomain.AssemblyResolve += watch;
        try
        {
            Assert.Null(Type.GetType("EvilGadget.Payload, EvilGadgetAssembly", throwOnError: false));
        }
        finally
        {
            AppDomain.CurrentDomain.AssemblyResolve -= watch;
        }

        Assert.NotEmpty(resolved);
    }

    [Fact]
    public async Task Ten_thousand_levels_of_nesting_are_refused_without_harm()
    {
        var deepArray = new string('[', 10_000) + new string(']', 10_000);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

        var definition = await (await _client.PostJsonAsync(Definitions, deepObject)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("nested deeper than 64 levels", definition["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _client.PostJsonAsync(Definitions, deepArray)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");

        var validate = await (await _client.PostJsonAsync($"{Definitions}/validate", deepObject)).ReadObjectAsync();
        Assert.False(validate["valid"]!.GetValue<bool>());
        Assert.Contains("nested deeper", validate["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var start = "{\"definitionId\":\"x\",\"input\":" + deepObject + "}";
        var instance = await (await _client.PostJsonAsync("/api/workflow-instances", start)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("nested deeper", instance["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _client.PostJsonAsync("/api/bookmarks/any/resume", "{\"input\":" + deepArray + "}")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        await (await _client.PostJsonAsync("/api/events/deep", "{\"payload\":" + deepArray + "}")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live", ApiCalls.Token)).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_with_a_true_content_length_is_a_413()
    {
        using var content = new ByteArrayContent(OversizedJson());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _client.PostAsync(Definitions, content, ApiCalls.Token);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Contains($"{Limit} bytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("rfc9110", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_without_content_length_is_a_413()
    {
        using var content = new StreamContent(new UnknownLengthStream(OversizedJson()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-instances") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        Assert.Null(request.Content.Headers.ContentLength);

        var response = await _client.SendAsync(request, ApiCalls.Token);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task An_oversized_body_whose_content_length_understates_it_is_a_413()
    {
        using var content = new StreamContent(new MemoryStream(OversizedJson()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = 100;

        var response = await _client.PostAsync($"{Definitions}/validate", content, ApiCalls.Token);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task Other_unreadable_bodies_are_problems_too()
    {
        using var xml = new StringContent("<workflow/>", Encoding.UTF8, "application/xml");
        var wrongType = await (await _client.PostAsync(Definitions, xml, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("application/xml", wrongType["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var latin1 = new ByteArrayContent([(byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        latin1.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await (await _client.PostAsync($"{Definitions}/validate", latin1, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-encoding");

        await (await _client.PostEmptyAsync(Definitions)).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        await (await _client.PostEmptyAsync("/api/workflow-instances")).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        var array = await (await _client.PostJsonAsync("/api/workflow-instances", "[1]")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-type");
        Assert.Equal(string.Empty, array.Errors()[0].Pointer);
        var notObject = await (await _client.PostJsonAsync(Definitions, "\"text\"")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");
        Assert.Equal(string.Empty, notObject.Errors()[0].Pointer);

        using var badKey = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-instances") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        badKey.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 201));
        var key = await (await _client.SendAsync(badKey, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("Idempotency-Key", key["errors"]![0]!["parameter"]!.GetValue<string>());
    }

    private static byte[] OversizedJson() =>
        Encoding.UTF8.GetBytes("{\"definitionId\":\"big\",\"name\":\"big\",\"description\":\"" + new string('x', Limit + 10) + "\"}");

    /// <summary>A stream that cannot tell its length, so the request is sent chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
