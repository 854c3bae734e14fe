using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Expressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>The expression evaluator on its own, with a fake clock and a scope resembling a real instance.</summary>
public sealed class ExpressionTestbed
{
    public ExpressionTestbed(Action<ExpressionOptions>? configure = null)
    {
        var options = new ExpressionOptions();
        configure?.Invoke(options);
        Clock = new FakeTimeProvider(EngineHarness.Epoch);
        JavaScript = new JavaScriptEvaluator(Options.Create(options), Clock);
        Templates = new TemplateRenderer(Options.Create(options), Clock);
        Evaluator = new ExpressionEvaluator(JavaScript, Templates);
    }

    public FakeTimeProvider Clock { get; }

    public JavaScriptEvaluator JavaScript { get; }

    public TemplateRenderer Templates { get; }

    public ExpressionEvaluator Evaluator { get; }

    /// <summary>input: ticket; vars: severity, tags, note; outputs: classify.level; instance: id.</summary>
    public static ExpressionScope Scope() => new(
        JsonNode.Parse("""{"ticket":{"key":"INC-7","impact":2,"title":"<b>Printer</b> & co","customer":{"tier":"gold"}}}""")!.AsObject(),
        JsonNode.Parse("""{"severity":3,"tags":["vip","printer"],"note":null}""")!.AsObject(),
        JsonNode.Parse("""{"classify":{"level":"high"}}""")!.AsObject(),
        JsonNode.Parse("""{"id":"wf-1","correlationId":"INC-7","definitionId":"demo","version":1}""")!.AsObject());

    public JsonNode? Js(string code) => JavaScript.Evaluate(code, Scope());

    public string Template(string text, bool html = false) => Templates.Render(text, Scope(), html);

    public JsonNode? Evaluate(string type, JsonNode? value) =>
        Evaluator.Evaluate(new ExpressionDefinition { Type = type, Value = value }, Scope());

    public ExpressionException JsFails(string code) => Assert.Throws<ExpressionException>(() => Js(code));

    public ExpressionException TemplateFails(string text, bool html = false) => Assert.Throws<ExpressionException>(() => Template(text, html));
}
