using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>HTTP helpers: JSON in and out, and the problem-details contract checked on every error.</summary>
public static class ApiCalls
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Token);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode json, string? idempotencyKey = null) =>
        client.PostJsonAsync(url, json.ToJsonString(), idempotencyKey);

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string url) =>
        client.PostAsync(url, content: null, Token);

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        (await response.ReadJsonAsync(expected)).AsObject();

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url, Token)).ReadObjectAsync(expected);

    /// <summary>Asserts the status of an answer that may have no body (204).</summary>
    public static async Task ReadJsonOrEmptyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// Asserts an RFC 9457 problem: the media type, the five members (type, title, status, detail, instance), the
    /// status, the code, and no trace of server internals.
    /// </summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        foreach (var member in new[] { "type", "title", "detail", "instance" })
        {
            Assert.False(string.IsNullOrWhiteSpace(problem[member]?.GetValue<string>()), $"The problem has no '{member}': {body}");
        }

        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.StartsWith("/", problem["instance"]!.GetValue<string>(), StringComparison.Ordinal);
        if (code is not null)
        {
            Assert.Equal(code, problem["code"]?.GetValue<string>());
        }

        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The problem's errors as (pointer, code, message) triples.</summary>
    public static IReadOnlyList<(string Pointer, string Code, string Message)> Errors(this JsonObject problem) =>
        [.. (problem["errors"]?.AsArray() ?? []).Select(e => (e!["pointer"]?.GetValue<string>() ?? string.Empty, e["code"]!.GetValue<string>(), e["message"]!.GetValue<string>()))];

    public static MediaTypeHeaderValue Json => new("application/json");
}
