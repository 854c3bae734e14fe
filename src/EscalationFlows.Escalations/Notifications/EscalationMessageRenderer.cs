using System.Text.Json.Nodes;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;

namespace EscalationFlows.Escalations.Notifications;

/// <summary>
/// Renders a message's Scriban templates with the engine's <see cref="TemplateRenderer"/> (strict: an unknown name is
/// an error) over <c>escalation</c> (<see cref="EscalationTemplateModel"/>), <c>data</c> and <c>link</c>. Subject and
/// text are plain; the HTML body escapes every value taken from the model.
/// </summary>
public sealed class EscalationMessageRenderer
{
    private readonly TemplateRenderer _templates;

    public EscalationMessageRenderer(TemplateRenderer templates)
    {
        _templates = templates;
    }

    /// <exception cref="ExpressionException">A template does not parse, names something that does not exist, or exceeds a limit.</exception>
    public RenderedMessage Render(OutgoingMessage message, EscalationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(record);
        var scope = new ExpressionScope([], [], [], [])
            .With("escalation", EscalationTemplateModel.Build(record))
            .With("data", message.Data ?? new JsonObject())
            .With("link", message.Link);
        var subject = Flatten(_templates.Render(message.SubjectTemplate, scope, html: false, cancellationToken));
        var text = _templates.Render(message.BodyTemplate, scope, html: false, cancellationToken);
        var html = message.HtmlTemplate is { Length: > 0 } template ? _templates.Render(template, scope, html: true, cancellationToken) : null;
        return new RenderedMessage(subject, text, html);
    }

    /// <summary>Checks that the templates parse (for definition validation).</summary>
    public void Check(string template) => _templates.Check(template);

    /// <summary>A subject is one line: line breaks would let a template inject mail headers.</summary>
    private static string Flatten(string subject) => string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
