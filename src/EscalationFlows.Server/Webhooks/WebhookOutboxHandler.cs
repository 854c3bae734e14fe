using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Webhooks;

/// <summary>
/// Delivers <c>SendWebhook</c> outbox messages: POSTs the JSON body to the URL with the message id as
/// <c>Idempotency-Key</c> and <c>webhook-id</c> (the same on every attempt), <c>webhook-timestamp</c> (this attempt,
/// Unix seconds) and, when a secret is configured, <c>webhook-signature</c>. A 2xx answer delivers the message; anything
/// else (including a redirect, which is not followed) throws, so the outbox retries it later.
/// </summary>
public sealed partial class WebhookOutboxHandler : IOutboxHandler
{
    public const string HttpClientName = "EscalationFlows.Webhooks";

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Idempotency-Key", "webhook-id", "webhook-timestamp", "webhook-signature", "Content-Type", "Content-Length", "Host",
    };

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly byte[]? _key;

    public WebhookOutboxHandler(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookOutboxHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _clock = clock;
        if (options.Value.SigningSecret is { Length: > 0 } secret)
        {
            _key = WebhookSignature.TryParseSecret(secret, out var error) ?? throw new InvalidOperationException($"{WebhookOptions.Section}:SigningSecret: {error}");
        }
        else
        {
            LogUnsigned(logger);
        }
    }

    public string Kind => SendWebhookActivity.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = message.Payload["url"] is JsonValue value && JsonStrings.TryGet(value, out var text) ? text : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"Webhook message '{message.Id}' has no valid 'url'.");
        }

        var body = Encoding.UTF8.GetBytes(message.Payload["body"]?.ToJsonString() ?? "null");
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (message.Payload["headers"] is JsonObject headers)
        {
            foreach (var (name, headerValue) in headers)
            {
                if (!ReservedHeaders.Contains(name))
                {
                    request.Headers.TryAddWithoutValidation(name, JsonStrings.Get(headerValue) ?? headerValue?.ToJsonString());
                }
            }
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", message.Id);
        request.Headers.TryAddWithoutValidation("webhook-id", message.Id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        if (_key is not null)
        {
            request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(_key, message.Id, timestamp, body));
        }

        using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"POST {uri} answered {(int)response.StatusCode}; the webhook will be retried."),
                inner: null, response.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks:SigningSecret is not set: webhooks are sent without a webhook-signature header")]
    private static partial void LogUnsigned(ILogger logger);
}
