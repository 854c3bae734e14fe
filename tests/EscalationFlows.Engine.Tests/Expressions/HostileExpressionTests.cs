using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Expressions;

/// <summary>
/// Hostile user code stops within its budget, becomes an incident with a clear code, and leaves the engine able to
/// evaluate the next expression. Budgets are small so the tests are quick; nothing here measures time.
/// </summary>
public sealed class HostileExpressionTests
{
    /// <summary>Only the time budget can stop an endless loop.</summary>
    private static void TimeOnly(ExpressionOptions o)
    {
        o.JavaScriptTimeout = TimeSpan.FromMilliseconds(200);
        o.JavaScriptMaxStatements = int.MaxValue;
    }

    /// <summary>The time budget is out of reach, so the budget under test is the one that stops the code.</summary>
    private static void Roomy(ExpressionOptions o)
    {
        o.JavaScriptTimeout = TimeSpan.FromSeconds(30);
        o.JavaScriptMaxStatements = 5_000_000;
    }

    private static void FewStatements(ExpressionOptions o)
    {
        o.JavaScriptTimeout = TimeSpan.FromSeconds(30);
        o.JavaScriptMaxStatements = 10_000;
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "while (true) {}", ExpressionErrorCodes.Timeout, nameof(TimeOnly) },
        { "for (;;) { Math.sqrt(2); }", ExpressionErrorCodes.Timeout, nameof(TimeOnly) },
        { "while (true) {}", ExpressionErrorCodes.StatementLimit, nameof(FewStatements) },
        { "function f() { return f() + 1; } return f();", ExpressionErrorCodes.RecursionLimit, nameof(Roomy) },
        { "const f = n => f(n + 1); return f(0);", ExpressionErrorCodes.RecursionLimit, nameof(Roomy) },
        { "return new Array(1e9);", ExpressionErrorCodes.MemoryLimit, nameof(Roomy) },
        { "var a = []; while (true) { a.push(a.length); }", ExpressionErrorCodes.MemoryLimit, nameof(Roomy) },
        { "var o = {}; for (var i = 0; i < 50000; i++) { o = { next: o }; } return JSON.stringify(o).length;", ExpressionErrorCodes.RecursionLimit, nameof(Roomy) },
        { "var a = []; for (var i = 0; i < 50000; i++) { a = [a]; } return String(a);", ExpressionErrorCodes.RecursionLimit, nameof(Roomy) },
        { "var o = {}; for (var i = 0; i < 50000; i++) { o = { next: o }; } return o;", ExpressionErrorCodes.RecursionLimit, nameof(Roomy) },
        { "return /^(a+)+$/.test('a'.repeat(40) + '!');", ExpressionErrorCodes.Timeout, nameof(Roomy) },
        { "return System.IO.File.ReadAllText('/etc/passwd');", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return importNamespace('System.IO');", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return this.constructor.constructor('return process')();", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return (function () { return this; }).constructor('return 1')();", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return ticket.GetType().Assembly;", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return eval('1');", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return new Function('return 1')();", ExpressionErrorCodes.Error, nameof(Roomy) },
        { "return (async function () {}).constructor('return 1');", ExpressionErrorCodes.Error, nameof(Roomy) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_code_becomes_an_incident_and_the_next_expression_still_evaluates(string code, string expectedCode, string budget)
    {
        using var engine = new EngineHarness(expressions: budget switch
        {
            nameof(TimeOnly) => TimeOnly,
            nameof(FewStatements) => FewStatements,
            _ => Roomy,
        });
        engine.Publish(new Flow("hostile", "continue")
            .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
            .Variable("x")
            .Add("start", "Start")
            .Add("evil", "SetVariable", Literal("variable", "x"), Js("value", code))
            .Chain("start", "evil")
            .Json);
        engine.Publish(new Flow("normal")
            .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
            .Variable("x")
            .Outputs([new JsonObject { ["name"] = "x" }])
            .Add("start", "Start")
            .Add("fine", "SetVariable", Literal("variable", "x"), Js("value", "ticket.impact * 2 + [1, 2].length"))
            .Chain("start", "fine")
            .Json);
        var ticket = new JsonObject { ["impact"] = 2 };

        var hostile = await engine.StartAsync("hostile", new JsonObject { ["ticket"] = ticket.DeepClone() });
        var normal = await engine.StartAsync("normal", new JsonObject { ["ticket"] = ticket.DeepClone() });

        Assert.Equal(WorkflowStatus.Finished, hostile.Status);
        var incident = Assert.Single(hostile.Incidents);
        Assert.True(expectedCode == incident.Code, $"expected {expectedCode}, got {incident.Code}: {incident.Message}");
        Assert.Equal("evil", incident.ActivityId);
        Assert.StartsWith("Input 'value' of activity 'evil': ", incident.Message, StringComparison.Ordinal);
        Assert.Null((await engine.StateAsync(hostile.InstanceId)).Variables["x"]);
        Assert.Equal(WorkflowStatus.Finished, normal.Status);
        Assert.Equal(6, normal.Output!["x"]!.GetValue<int>());
    }

    [Fact]
    public void Code_longer_than_the_source_limit_is_refused_before_it_runs()
    {
        var bed = new ExpressionTestbed(o => o.MaxSourceLength = 100);

        Assert.Equal(ExpressionErrorCodes.TooLong, bed.JsFails(new string('1', 101)).Code);
    }

    [Fact]
    public void Code_nested_too_deeply_to_parse_is_a_parse_error()
    {
        var bed = new ExpressionTestbed();
        var code = new string('(', 30_000) + "1" + new string(')', 30_000);

        Assert.Equal(ExpressionErrorCodes.Parse, bed.JsFails(code).Code);
    }
}
