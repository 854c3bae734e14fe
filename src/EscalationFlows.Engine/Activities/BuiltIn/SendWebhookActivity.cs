using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>
/// Posts a JSON event to a URL through the outbox: the message is written in the burst's transaction and delivered
/// after the commit, retried until the receiver answers 2xx (at least once). The message id is the idempotency key
/// every delivery attempt carries (<c>Idempotency-Key</c> and <c>webhook-id</c>), so receivers deduplicate on it. The
/// host registers the <see cref="Runtime.IOutboxHandler"/> of kind <see cref="OutboxKind"/> that does the HTTP call.
/// </summary>
public sealed class SendWebhookActivity : Activity
{
    /// <summary>The outbox kind; payload <c>{ url, body, headers }</c>.</summary>
    public const string OutboxKind = "webhook";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendWebhook",
        Category = BuiltInCategories.Integration,
        DisplayName = "Send webhook",
        Description = "Posts a JSON event to a URL after this step is saved, retrying until the receiver answers 2xx. Every attempt carries the same message id (Idempotency-Key, webhook-id) and a Standard Webhooks signature.",
        Inputs =
        [
            new InputDescriptor { Name = "url", DisplayName = "URL", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "body", DisplayName = "Body", Type = "any", Required = true, DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
            new InputDescriptor { Name = "headers", DisplayName = "Headers", Type = "object", UiHint = "json", Description = "Extra request headers; the webhook-* and Idempotency-Key headers are set by the server." },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "messageId", Type = "string", Description = "The id every delivery attempt carries; receivers deduplicate on it." },
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var url = context.GetRequiredInput<string>("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new WorkflowFaultException("input-type", $"'{url}' is not an absolute http(s) URL.");
        }

        var headers = context.GetInput("headers");
        if (headers is not null and not JsonObject)
        {
            throw new WorkflowFaultException("input-type", "The webhook headers must be an object of header names to values.");
        }

        var payload = new JsonObject
        {
            ["url"] = uri.AbsoluteUri,
            ["body"] = context.GetInput("body"),
        };
        if (headers is JsonObject { Count: > 0 })
        {
            payload["headers"] = headers;
        }

        var messageId = context.SendOutbox(OutboxKind, payload);
        context.SetOutput("messageId", messageId);
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
