using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Expressions;

public sealed class JavaScriptTests
{
    private readonly ExpressionTestbed _bed = new();

    [Theory]
    [InlineData("ticket.impact", "2")]
    [InlineData("input.ticket.customer.tier", "\"gold\"")]
    [InlineData("vars.severity", "3")]
    [InlineData("severity + 1", "4")]
    [InlineData("tags.length", "2")]
    [InlineData("outputs.classify.level", "\"high\"")]
    [InlineData("instance.id", "\"wf-1\"")]
    [InlineData("note === null", "true")]
    [InlineData("typeof ticket === 'object' && Array.isArray(tags) && !(ticket instanceof Array)", "true")]
    [InlineData("Object.keys(ticket.customer)", "[\"tier\"]")]
    [InlineData("JSON.stringify(ticket.customer)", "\"{\\\"tier\\\":\\\"gold\\\"}\"")]
    public void Expressions_see_inputs_and_variables_as_plain_JSON_values(string code, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), _bed.Js(code)), $"{code} gave {_bed.Js(code)?.ToJsonString()}");
    }

    [Fact]
    public void A_function_body_returns_its_value()
    {
        var result = _bed.Js("""
            var points = ticket.impact <= 2 ? 10 : 1;
            if (tags.includes('vip')) { points *= 2; }
            return { points: points, key: ticket.key };
            """);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"points":20,"key":"INC-7"}"""), result));
    }

    [Theory]
    [InlineData("{ a: 1 }", "{\"a\":1}")]
    [InlineData("{ key: ticket.key, level: severity }", "{\"key\":\"INC-7\",\"level\":3}")]
    [InlineData("{}", "{}")]
    [InlineData("{ return severity; }", "3")]
    public void An_object_literal_without_parentheses_is_the_object_its_author_meant(string code, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), _bed.Js(code)), $"{code} gave {_bed.Js(code)?.ToJsonString()}");
    }

    [Fact]
    public void A_function_body_without_return_gives_null()
    {
        Assert.Null(_bed.Js("var x = 1;"));
    }

    [Theory]
    [InlineData("[3, 1, 2].sort().map(x => x * 10).filter(x => x > 10)", "[20,30]")]
    [InlineData("[[1, [2]], [3]].flat(2)", "[1,2,3]")]
    [InlineData("JSON.parse('{\"a\":[1,{\"b\":true}]}').a[1]", "{\"b\":true}")]
    [InlineData("Math.max(...[4, 9, 2])", "9")]
    [InlineData("new Date(Date.UTC(2026, 0, 31)).toISOString().slice(0, 10)", "\"2026-01-31\"")]
    [InlineData("new Date('2026-11-30T09:00:00Z').getTime() + 3600000", "1796032800000")]
    [InlineData("'Printer jam'.toUpperCase().split(' ')", "[\"PRINTER\",\"JAM\"]")]
    [InlineData("Object.entries({ a: 1 }).map(([k, v]) => k + v).join()", "\"a1\"")]
    [InlineData("new Map([['a', 1]]).get('a') + new Set([1, 1, 2]).size", "3")]
    [InlineData("(() => { const o = {}; o.toString = () => 'custom'; return String(o); })()", "\"custom\"")]
    [InlineData("(() => { const e = new Error('a'); e.message = 'b'; e.name = 'Mine'; return e.name + ':' + e.message; })()", "\"Mine:b\"")]
    public void Built_ins_keep_working_after_the_intrinsics_are_frozen(string code, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), _bed.Js(code)), $"{code} gave {_bed.Js(code)?.ToJsonString()}");
    }

    [Theory]
    [InlineData("({ when: new Date(0), grid: [[1, 2], [3, [4]]], none: undefined, fn: function () {} })",
        "{\"when\":\"1970-01-01T00:00:00.000Z\",\"grid\":[[1,2],[3,[4]]]}")]
    [InlineData("[new Date(86400000)]", "[\"1970-01-02T00:00:00.000Z\"]")]
    [InlineData("1 / 0", "null")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'text'", "\"text\"")]
    [InlineData("undefined", "null")]
    public void Results_become_JSON_dates_as_ISO_text_and_nested_arrays_kept(string code, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), _bed.Js(code)), $"{code} gave {_bed.Js(code)?.ToJsonString()}");
    }

    [Fact]
    public void Dates_come_from_the_engine_clock_in_UTC()
    {
        Assert.Equal("2026-11-30T09:00:00.000Z", _bed.Js("new Date().toISOString()")!.GetValue<string>());
        _bed.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(EngineHarness.Epoch.AddHours(1).ToUnixTimeMilliseconds(), _bed.Js("Date.now()")!.GetValue<long>());
        Assert.Equal(9 + 1, _bed.Js("new Date().getHours()")!.GetValue<int>());
    }

    [Theory]
    [InlineData("ticket.impact <=", "line 1")]
    [InlineData("var a = 1;\nreturn a +* 2;", "line 2")]
    [InlineData("with (ticket) { return key; }", "line 1")]
    [InlineData("return 010;", "line 1")]
    public void Code_that_does_not_parse_in_strict_mode_is_a_parse_error_with_its_position(string code, string where)
    {
        var error = _bed.JsFails(code);

        Assert.Equal(ExpressionErrorCodes.Parse, error.Code);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains("column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_error_is_an_expression_error_with_the_javascript_message()
    {
        var error = _bed.JsFails("ticket.missing.deeper");

        Assert.Equal(ExpressionErrorCodes.Error, error.Code);
        Assert.Contains("deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_data_inside_an_expression_does_not_change_the_instance()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("no-write-back")
            .Variable("severity", 1)
            .Variable("seen")
            .Add("start", "Start")
            .Add("sneaky", "SetVariable", Literal("variable", "seen"), Js("value", "vars.severity = 99; severity = 98; return vars.severity;"))
            .Chain("start", "sneaky")
            .Json);

        var run = await engine.StartAsync("no-write-back");

        var variables = (await engine.StateAsync(run.InstanceId)).Variables;
        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(1, variables["severity"]!.GetValue<int>());
        Assert.Equal(99, variables["seen"]!.GetValue<int>());
    }
}
