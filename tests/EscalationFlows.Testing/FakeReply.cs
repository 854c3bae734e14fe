using System.Net;
using System.Text.Json.Nodes;

namespace EscalationFlows.Testing;

/// <summary>How <see cref="FakeOpenAiServer"/> answers one request.</summary>
public sealed record FakeReply(HttpStatusCode Status, string Body, bool Hang = false)
{
    /// <summary>A chat completion in the OpenAI wire format whose assistant message is <paramref name="content"/>.</summary>
    public static FakeReply Completion(string content, string model = "test-model") => new(HttpStatusCode.OK, new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_764_493_200,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    }.ToJsonString());

    /// <summary>A completion whose content is the summary JSON <c>{"sentences":[...]}</c> of (text, citations) pairs.</summary>
    public static FakeReply Sentences(params (string Text, string[] Citations)[] sentences) => Completion(new JsonObject
    {
        ["sentences"] = new JsonArray([.. sentences.Select(s => (JsonNode)new JsonObject
        {
            ["text"] = s.Text,
            ["citations"] = new JsonArray([.. s.Citations.Select(c => JsonValue.Create(c))]),
        })]),
    }.ToJsonString());

    public static FakeReply ServerError() => new(HttpStatusCode.InternalServerError, """{"error":{"message":"The model crashed (simulated).","type":"server_error"}}""");

    /// <summary>Never answers until the server is disposed.</summary>
    public static FakeReply Never() => new(HttpStatusCode.OK, "", Hang: true);
}
