using EscalationFlows.Engine.Activities;
using EscalationFlows.Escalations.Notifications;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>
/// A test-only activity that enqueues one mail through the outbox (kind <see cref="MailOutbox.Kind"/>), the way a
/// product activity will: <c>to</c> and <c>cc</c> are comma-separated lists.
/// </summary>
public sealed class SendMailTestActivity : Activity
{
    public const string TypeName = "Test.SendMail";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Send mail (test)",
        Inputs =
        [
            new InputDescriptor { Name = "to", Type = "string", Required = true },
            new InputDescriptor { Name = "cc", Type = "string" },
            new InputDescriptor { Name = "subject", Type = "string", Required = true },
            new InputDescriptor { Name = "text", Type = "string", Required = true },
            new InputDescriptor { Name = "html", Type = "string" },
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = new MailPayload(
            List(context.GetInputString("to")),
            List(context.GetInputString("cc")),
            context.GetInputString("subject") ?? "",
            context.GetInputString("text") ?? "",
            context.GetInputString("html"));
        context.SendOutbox(MailOutbox.Kind, payload.ToJson());
        return ValueTask.FromResult(ActivityResult.Done());
    }

    private static List<string> List(string? text) => [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
