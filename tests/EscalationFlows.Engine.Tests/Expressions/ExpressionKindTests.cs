using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Tests.Support;

namespace EscalationFlows.Engine.Tests.Expressions;

public sealed class ExpressionKindTests
{
    private readonly ExpressionTestbed _bed = new();

    [Fact]
    public void A_literal_is_its_value_unchanged()
    {
        var value = new JsonObject { ["a"] = new JsonArray(1, "two", null) };

        Assert.True(JsonNode.DeepEquals(value, _bed.Evaluate(ExpressionType.Literal, value)));
        Assert.Null(_bed.Evaluate(ExpressionType.Literal, null));
    }

    [Fact]
    public void A_variable_expression_reads_the_variable()
    {
        Assert.True(JsonNode.DeepEquals(new JsonArray("vip", "printer"), _bed.Evaluate(ExpressionType.Variable, "tags")));
        Assert.Null(_bed.Evaluate(ExpressionType.Variable, "note"));
    }

    [Fact]
    public void An_input_expression_reads_the_workflow_input()
    {
        Assert.Equal("gold", _bed.Evaluate(ExpressionType.Input, "ticket")!["customer"]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public void A_variable_or_input_that_does_not_exist_is_an_error()
    {
        Assert.Equal(ExpressionErrorCodes.Error, Assert.Throws<ExpressionException>(() => _bed.Evaluate(ExpressionType.Variable, "missing")).Code);
        Assert.Equal(ExpressionErrorCodes.Error, Assert.Throws<ExpressionException>(() => _bed.Evaluate(ExpressionType.Input, "missing")).Code);
    }

    [Fact]
    public void A_javascript_expression_is_evaluated()
    {
        Assert.Equal(6, _bed.Evaluate(ExpressionType.JavaScript, "ticket.impact * severity")!.GetValue<int>());
    }

    [Fact]
    public void A_template_expression_renders_text()
    {
        Assert.Equal("INC-7: high", _bed.Evaluate(ExpressionType.Template, "{{ ticket.key }}: {{ outputs.classify.level }}")!.GetValue<string>());
    }

    [Fact]
    public void An_unknown_expression_type_is_an_error()
    {
        Assert.Throws<ExpressionException>(() => _bed.Evaluate("python", "1"));
    }

    [Fact]
    public void A_scope_reads_the_instance_data_in_place_instead_of_copying_it()
    {
        var variables = new JsonObject { ["big"] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)i).ToArray()) };
        var scope = new ExpressionScope([], variables, [], []);

        Assert.True(scope.TryGet("vars", "big", out var big));
        Assert.Same(variables["big"], big);
        Assert.Same(scope.ToJson(), scope.ToJson());
    }

    [Fact]
    public void Reading_a_value_never_hands_out_the_instance_data_itself()
    {
        var scope = ExpressionTestbed.Scope();
        var read = _bed.Evaluator.Evaluate(new ExpressionDefinition { Type = ExpressionType.Variable, Value = "tags" }, scope, cancellationToken: TestContext.Current.CancellationToken)!.AsArray();
        read.Add("changed");

        Assert.Equal(2, _bed.Evaluator.Evaluate(new ExpressionDefinition { Type = ExpressionType.Variable, Value = "tags" }, scope, cancellationToken: TestContext.Current.CancellationToken)!.AsArray().Count);
    }
}
