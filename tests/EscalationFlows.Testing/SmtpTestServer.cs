using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace EscalationFlows.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer library) on 127.0.0.1 and a free port, for tests that send mail. It keeps every
/// accepted message (parsed with MimeKit), can reject recipients (550 or 450), and can be stopped and started again on
/// the same port to play a mail server that is down. <see cref="WaitForAsync"/> waits for a message without fixed sleeps:
/// it wakes on each arrival.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly ConcurrentDictionary<string, SmtpRejection> _rejections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _running;
    private Task? _serving;
    private int _recipientAttempts;

    private SmtpTestServer(int port) => Port = port;

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => _serving is { IsCompleted: false };

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>How many RCPT TO commands arrived (accepted or not).</summary>
    public int RecipientAttempts => Volatile.Read(ref _recipientAttempts);

    /// <summary>A server listening on a free port.</summary>
    public static async Task<SmtpTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = Reserve();
        await server.ListenAsync(cancellationToken);
        return server;
    }

    /// <summary>A server with a free port that does not listen yet (connections are refused until <see cref="ListenAsync"/>).</summary>
    public static SmtpTestServer Reserve()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new SmtpTestServer(((IPEndPoint)probe.LocalEndpoint).Port);
    }

    /// <summary>Starts listening (again) on <see cref="Port"/> and returns once a connection succeeds.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp-test.localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new SmtpTestMessageStore(Received));
        services.Add(new SmtpTestMailboxFilter(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = Task.Run(() => server.StartAsync(_running.Token), CancellationToken.None);
        await WaitUntilAcceptingAsync(cancellationToken);
    }

    /// <summary>Stops listening; connections are refused until <see cref="ListenAsync"/>. Received messages are kept.</summary>
    public async Task StopAsync()
    {
        if (_running is null || _serving is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
        _serving = null;
    }

    /// <summary>From now on RCPT TO for <paramref name="address"/> is answered as <paramref name="rejection"/> says.</summary>
    public void Reject(string address, SmtpRejection rejection = SmtpRejection.Permanent) => _rejections[address] = rejection;

    /// <summary>
    /// The first message (already received or arriving within <paramref name="timeout"/>) that matches; fails the
    /// test with what did arrive when none does.
    /// </summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                arrival = _arrival.Task;
            }

            if (_messages.FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join("; ", _messages.Select(m => $"<{m.MessageId}> \"{m.Message.Subject}\" to {string.Join(',', m.EnvelopeTo)}"));
                throw new Xunit.Sdk.XunitException($"No matching mail reached the SMTP test server within {timeout}. Received: [{seen}]");
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived; returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForCountAsync(int count, TimeSpan timeout)
    {
        await WaitForAsync(_ => _messages.Count >= count, timeout);
        return Messages;
    }

    internal SmtpRejection RejectionOf(string address) => _rejections.GetValueOrDefault(address, SmtpRejection.None);

    internal void CountRecipientAttempt() => Interlocked.Increment(ref _recipientAttempts);

    private void Received(ReceivedMail mail)
    {
        _messages.Enqueue(mail);
        TaskCompletionSource arrived;
        lock (_gate)
        {
            arrived = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (_serving is { IsFaulted: true } failed)
            {
                await failed;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
