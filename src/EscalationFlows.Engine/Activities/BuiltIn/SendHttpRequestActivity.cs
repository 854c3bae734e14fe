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
        if (context.GetInput("headers") is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value?.ToString());
            }
        }

        if (context.GetInput("body") is { } body)
        {
            request.Content = JsonStrings.TryGet(body, out var text)
                ? new StringContent(text, Encoding.UTF8, "text/plain")
                : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var timeout = Durations.TryParse(context.GetInputString("timeout"), out var t) ? t : TimeSpan.FromSeconds(30);
        using var deadline = new CancellationTokenSource(timeout, context.Clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
        var client = _clients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cts.Token);
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
            var text = await response.Content.ReadAsStringAsync(context.CancellationToken);
            context.SetOutput("statusCode", status);
            context.SetOutput("body", ParseBody(text, response.Content.Headers.ContentType));
            if (status is >= 500 or 408 or 429)
            {
                throw new WorkflowFaultException("http-status", string.Create(CultureInfo.InvariantCulture, $"{request.Method} {uri} answered {status}."));
            }

            return status is >= 200 and < 300 ? ActivityResult.Done() : ActivityResult.Outcome(FailedPort);
        }
    }

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
