using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace EscalationFlows.Testing;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that receives webhooks and records each one: the <c>webhook-id</c> (and
/// <c>Idempotency-Key</c>), the body, and whether its Standard Webhooks signature verifies against
/// <see cref="SigningSecret"/> (an implementation independent of the server's). <see cref="Respond"/> picks the
/// status code per request (default 204).
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    /// <summary>A fixed test secret (32 bytes, base64, Standard Webhooks <c>whsec_</c> form).</summary>
    public const string SigningSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly byte[] _key = Convert.FromBase64String(SigningSecret["whsec_".Length..]);

    public WebhookReceiver()
    {
        (_listener, Port) = Listen();
        BaseUrl = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    /// <summary>Chooses the status code of each answer; null answers 204.</summary>
    public Func<ReceivedWebhook, int>? Respond { get; set; }

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How many times each webhook id arrived and was answered 2xx.</summary>
    public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }

        _stop.Dispose();
    }

    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
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
        try
        {
            using var reader = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(reader);
            var body = reader.ToArray();
            var headers = context.Request.Headers;
            var id = headers["webhook-id"];
            var timestamp = headers["webhook-timestamp"];
            var received = new ReceivedWebhook(
                id,
                headers["Idempotency-Key"],
                timestamp,
                headers["webhook-signature"],
                context.Request.HttpMethod,
                context.Request.Url?.AbsolutePath ?? "/",
                Encoding.UTF8.GetString(body),
                IsSignatureValid(id, timestamp, headers["webhook-signature"], body),
                DateTimeOffset.UtcNow);
            Received.Enqueue(received);
            var status = Respond?.Invoke(received) ?? 204;
            if (status is >= 200 and < 300 && id is not null)
            {
                Accepted.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
#pragma warning disable CA1031 // A client that went away mid-request (a killed server) must not end the receiver.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.Response.Abort();
        }
    }

    private bool IsSignatureValid(string? id, string? timestamp, string? signatures, byte[] body)
    {
        if (id is null || timestamp is null || signatures is null)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(_key, signed);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var given = new byte[64];
            if (candidate.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(candidate[3..], given, out var written)
                && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, written), expected))
            {
                return true;
            }
        }

        return false;
    }
}
