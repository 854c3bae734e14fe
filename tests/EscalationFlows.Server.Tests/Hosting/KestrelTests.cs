using System.Net.Sockets;
using System.Text;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Hosting;

/// <summary>The server on a real socket (Kestrel), where its request body limit is enforced by Kestrel as well.</summary>
public sealed class KestrelTests
{
    private const int Limit = 4096;

    private static ServerFactory CreateServer()
    {
        var factory = new ServerFactory(new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    private static byte[] Body(int size) => Encoding.UTF8.GetBytes("{\"payload\":\"" + new string('x', size) + "\"}");

    /// <summary>
    /// Sends one raw HTTP/1.1 request in a single write and reads the whole response. A raw socket, because the server
    /// answers 413 and closes without reading the rest of an oversized body, which HttpClient reports as a broken send.
    /// </summary>
    private static async Task<(string StatusLine, string Response)> SendRawAsync(ServerFactory factory, string path, string headers, byte[] body)
    {
        var address = factory.ClientOptions.BaseAddress;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, ApiCalls.Token);
        await using var stream = socket.GetStream();
        var key = factory.KeyFor(Roles.Admin);
        var head = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nX-Api-Key: {key}\r\nConnection: close\r\n{headers}\r\n");
        await stream.WriteAsync(head.Concat(body).ToArray(), ApiCalls.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(ApiCalls.Token) ?? string.Empty;
        return (statusLine, await reader.ReadToEndAsync(ApiCalls.Token));
    }

    private static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{body.Length:X}\r\n"), .. body, .. Encoding.ASCII.GetBytes("\r\n0\r\n\r\n")];

    [Fact]
    public async Task An_oversized_body_with_a_true_content_length_is_a_413_problem()
    {
        await using var factory = CreateServer();
        var body = Body(Limit + 100);

        var (status, response) = await SendRawAsync(factory, "/api/events/big", $"Content-Length: {body.Length}\r\n", body);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":\"body-too-large\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_content_length_is_a_413_problem()
    {
        await using var factory = CreateServer();

        var (status, response) = await SendRawAsync(factory, "/api/workflow-instances", "Transfer-Encoding: chunked\r\n", Chunked(Body(Limit + 100)));

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":\"body-too-large\"", response, StringComparison.Ordinal);
        Assert.Contains("\"status\":413", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_served_over_the_socket()
    {
        await using var factory = CreateServer();
        using var client = factory.CreateClient();

        var small = await (await client.PostJsonAsync("/api/events/small", "{\"payload\":{}}")).ReadObjectAsync();

        Assert.Empty(small["resumed"]!.AsArray());
        var (status, _) = await SendRawAsync(factory, "/api/events/chunked", "Transfer-Encoding: chunked\r\n", Chunked(Encoding.UTF8.GetBytes("{\"payload\":{}}")));
        Assert.Equal("HTTP/1.1 200 OK", status);
    }

    [Fact]
    public async Task A_content_length_that_understates_the_body_does_not_let_more_than_it_through()
    {
        await using var factory = CreateServer();

        var (status, response) = await SendRawAsync(factory, "/api/workflow-definitions/validate", "Content-Length: 12\r\n", Body(Limit * 4));

        // Only the 12 declared bytes are the body ("{\"payload\":\""): an unterminated JSON string, reported as such.
        Assert.Equal("HTTP/1.1 200 OK", status);
        Assert.Contains("\"valid\":false", response, StringComparison.Ordinal);
        Assert.Contains("invalid-json", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_startup_banner_names_the_listening_address()
    {
        await using var factory = CreateServer();
        var address = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Information
            && e.Message.Replace("\"", string.Empty, StringComparison.Ordinal).Contains($"EscalationFlows is running at {address} — studio at /, API docs at /scalar", StringComparison.Ordinal));
    }
}
