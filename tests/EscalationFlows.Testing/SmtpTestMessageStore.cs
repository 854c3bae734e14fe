using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EscalationFlows.Testing;

/// <summary>Parses each accepted message with MimeKit and hands it to the <see cref="SmtpTestServer"/>.</summary>
internal sealed class SmtpTestMessageStore(Action<ReceivedMail> received) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        foreach (var segment in buffer)
        {
            stream.Write(segment.Span);
        }

        stream.Position = 0;
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        received(new ReceivedMail(message, transaction.From.AsAddress(), [.. transaction.To.Select(t => t.AsAddress())]));
        return SmtpResponse.Ok;
    }
}
