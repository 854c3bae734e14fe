using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;
using System.Text.Json.Nodes;

namespace EscalationFlows.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) that speaks the OpenAI chat-completions wire format:
/// <c>POST /v1/chat/completions</c> is answered by <see cref="Reply"/>, anything else with 404. It records every request.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<FakeOpenAiRequest> _requests = new();
    private readonly SemaphoreSlim _received = new(0);

    private FakeOpenAiServer(HttpListener listener, Uri baseAddress)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The base URL to configure as <c>Ai:Endpoint</c> (ends in <c>/v1</c>).</summary>
    public Uri BaseAddress { get; }

    public Func<FakeOpenAiRequest, FakeReply> Reply { get; set; } = _ => FakeReply.Completion("""{"sentences":[]}""");

    public IReadOnlyList<FakeOpenAiRequest> Requests => [.. _requests];

    public static FakeOpenAiServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeOpenAiServer(listener, new Uri($"http://127.0.0.1:{port}/v1"));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Waits (real time, with a deadline) until a request has arrived.</summary>
    public async Task WaitForRequestAsync(TimeSpan timeout)
    {
        Assert.True(await _received.WaitAsync(timeout, TestContext.Current.CancellationToken), $"No request reached the fake OpenAI server within {timeout}.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var path = context.Request.Url?.AbsolutePath ?? "";
            if (context.Request.HttpMethod != "POST" || path != "/v1/chat/completions")
            {
                response.StatusCode = 404;
                return;
            }

            var request = new FakeOpenAiRequest(context.Request.HttpMethod, path, context.Request.Headers["Authorization"], JsonNode.Parse(text)!.AsObject());
            _requests.Enqueue(request);
            _received.Release();
            var reply = Reply(request);
            if (reply.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                response.Abort();
                return;
            }

            response.StatusCode = (int)reply.Status;
            response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (a timeout test cancels its request).
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        await _loop;
        _stopping.Dispose();
        _received.Dispose();
    }
}
