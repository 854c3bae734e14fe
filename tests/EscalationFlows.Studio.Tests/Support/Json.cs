using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>JSON over HTTP for arranging and checking what the browser did.</summary>
public static class Json
{
    public static StringContent Content(object value) =>
        new(value is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static async Task<JsonNode> EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return await EnsureAsync(response, expected);
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = Content(body);
        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);
        return await EnsureAsync(response, expected);
    }
}
