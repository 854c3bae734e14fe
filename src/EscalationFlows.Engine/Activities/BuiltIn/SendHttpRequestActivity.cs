using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>
/// Sends an HTTP request. 2xx continues on Done, other 4xx on Failed; 5xx, 408, 429 and network errors are
/// transient and throw, so the node's retry policy (attempts, backoff, jitter) applies.
/// </summary>
public sealed class SendHttpRequestActivity : Activity
{
    public const string HttpClientName = "EscalationFlows.Workflow";
    public const string FailedPort = "Failed";

    /// <summary>The largest response body the activity accepts (it becomes an output stored in the instance).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private readonly IHttpClientFactory _clients;

    public SendHttpRequestActivity(IHttpClientFactory clients)
    {
        _clients = clients;
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendHttpRequest",
        Category = BuiltInCategories.Integration,
        DisplayName = "Send HTTP request",
        Description = "Calls an HTTP endpoint. 2xx → Done, other 4xx → Failed; 5xx, 408, 429 and network errors are retried by the node's retry policy.",
        Inputs =
        [
            new InputDescriptor { Name = "url", DisplayName = "URL", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "method", DisplayName = "Method", Type = "string", Default = JsonValue.Create("GET"), SupportsExpressions = false, UiHint = "dropdown", Options = ["GET", "POST", "PUT", "PATCH", "DELETE"] },
            new InputDescriptor { Name = "headers", DisplayName = "Headers", Type = "object", UiHint = "json" },
            new InputDescriptor { Name = "body", DisplayName = "Body", Type = "any", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
            new InputDescriptor { Name = "timeout", DisplayName = "Timeout", Type = "duration", Default = JsonValue.Create("PT30S"), UiHint = "duration" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "statusCode", Type = "integer" },
            new OutputDescriptor { Name = "body", Type = "any", Description = "Parsed JSON when the response is JSON, else text." },
        ],
        Ports = [Ports.Done, FailedPort],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var url = context.GetRequiredInput<string>("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new WorkflowFaultException("input-type", $"'{url}' is not an absolute http(s) URL.");
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.GetInputString("method") ?? "GET"), uri);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{context.InstanceId}:{context.ActivityId}:{context.Run}");
        if (context.GetInput("body") is { } body)
        {
            request.Content = JsonStrings.TryGet(body, out var text)
                ? new StringContent(text, Encoding.UTF8, "text/plain")
                : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (context.GetInput("headers") is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                var headerValue = JsonStrings.Get(value) ?? value?.ToJsonString();
                if (!request.Headers.TryAddWithoutValidation(name, headerValue) && request.Content is { } content)
                {
                    // Content headers (Content-Type, ...) live on the content, not on the request.
                    content.Headers.Remove(name);
                    content.Headers.TryAddWithoutValidation(name, headerValue);
                }
            }
        }

        var timeout = Durations.TryParse(context.GetInputString("timeout"), out var t) ? t : TimeSpan.FromSeconds(30);
        using var deadline = new CancellationTokenSource(timeout, context.Clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
        var client = _clients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        string responseText;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            try
            {
                responseText = await ReadBoundedAsync(response.Content, request, cts.Token);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new WorkflowFaultException("http-timeout", $"{request.Method} {uri} did not answer within {timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WorkflowFaultException("http-error", $"{request.Method} {uri} failed: {ex.Message}", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            context.SetOutput("statusCode", status);
            context.SetOutput("body", ParseBody(responseText, response.Content.Headers.ContentType));
            if (status is >= 500 or 408 or 429)
            {
                throw new WorkflowFaultException("http-status", string.Create(CultureInfo.InvariantCulture, $"{request.Method} {uri} answered {status}."));
            }

            return status is >= 200 and < 300 ? ActivityResult.Done() : ActivityResult.Outcome(FailedPort);
        }
    }

    /// <summary>Reads the response body, refusing one larger than <see cref="MaxResponseBytes"/> (it would be stored in the instance).</summary>
    private static async Task<string> ReadBoundedAsync(HttpContent content, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge(request);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw TooLarge(request);
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        var encoding = content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? TryGetEncoding(charset.Trim('"')) : null;
        return (encoding ?? Encoding.UTF8).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static WorkflowFaultException TooLarge(HttpRequestMessage request) =>
        new("http-response-too-large", string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.RequestUri} answered with more than {MaxResponseBytes / 1024} KiB; the body is kept in the instance, so it may not be larger."));

    private static JsonNode? ParseBody(string text, MediaTypeHeaderValue? contentType)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return WorkflowJson.ParseNode(text);
            }
            catch (JsonException)
            {
                return JsonValue.Create(text);
            }
        }

        return JsonValue.Create(text);
    }
}
