using System.Text.Json.Nodes;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Validation;
using static EscalationFlows.Engine.Tests.Support.Flow;
using static EscalationFlows.Engine.Tests.Validation.ValidationAssert;

namespace EscalationFlows.Engine.Tests.Validation;

public sealed class SemanticErrorTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private DefinitionReadResult Read(Flow flow) => _engine.Reader.Read(flow.Json);

    private static Flow Base() => new Flow("semantic")
        .Variable("known")
        .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
        .Add("start", "Start");

    [Fact]
    public void An_unknown_activity_type_is_reported_at_its_type()
    {
        var error = HasError(Read(Base().Add("x", "Escalations.Teleport").Chain("start", "x")), "/root/activities/1/type", DefinitionErrorCodes.UnknownActivityType);
        Assert.Contains("Escalations.Teleport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_the_second_use()
    {
        HasError(Read(Base().Add("a", "Log", Template("message", "1")).Add("a", "Log", Template("message", "2")).Chain("start", "a")),
            "/root/activities/2/id", DefinitionErrorCodes.DuplicateId);
    }

    [Fact]
    public void A_connection_to_or_from_nowhere_is_dangling()
    {
        var result = Read(Base().Add("a", "Log", Template("message", "1")).Chain("start", "a").Connect("a", "ghost").Connect("phantom", "a"));

        HasError(result, "/root/connections/1/target/activity", DefinitionErrorCodes.DanglingConnection);
        HasError(result, "/root/connections/2/source/activity", DefinitionErrorCodes.DanglingConnection);
    }

    [Fact]
    public void A_connection_from_a_port_the_activity_does_not_have_is_an_unknown_port()
    {
        var result = Read(Base()
            .Add("check", "Decision", Js("condition", "true"))
            .Add("a", "Log", Template("message", "1"))
            .Chain("start", "check")
            .Connect("check", "a", "Maybe")
            .Connect("check", "a"));

        var named = HasError(result, "/root/connections/1/source/port", DefinitionErrorCodes.UnknownPort);
        Assert.Contains("True, False", named.Message, StringComparison.Ordinal);
        HasError(result, "/root/connections/2/source", DefinitionErrorCodes.UnknownPort);
    }

    [Fact]
    public void A_missing_required_input_names_the_input()
    {
        var error = HasError(Read(Base().Add("check", "Decision").Chain("start", "check")), "/root/activities/1/inputs", DefinitionErrorCodes.MissingRequiredInput);
        Assert.Contains("'condition'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Timer_needs_until_or_duration()
    {
        HasError(Read(Base().Add("t", "Timer").Chain("start", "t")), "/root/activities/1/inputs", DefinitionErrorCodes.MissingRequiredInput);
    }

    [Fact]
    public void An_input_the_activity_does_not_take_is_unknown()
    {
        var error = HasError(Read(Base().Add("a", "Log", Template("message", "1"), Literal("colour", "red")).Chain("start", "a")),
            "/root/activities/1/inputs/colour", DefinitionErrorCodes.UnknownInput);
        Assert.Contains("message, level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expression_where_only_a_literal_is_allowed_is_refused()
    {
        HasError(Read(Base().Add("w", "WaitForEvent", Js("eventName", "'dynamic'")).Chain("start", "w")),
            "/root/activities/1/inputs/eventName/expression/type", DefinitionErrorCodes.ExpressionNotAllowed);
    }

    [Fact]
    public void A_literal_of_the_wrong_type_or_not_among_the_choices_is_an_invalid_value()
    {
        var result = Read(Base()
            .Add("d", "Delay", Literal("duration", 5))
            .Add("j", "Join", Literal("mode", "WaitSome"))
            .Chain("start", "d", "j"));

        HasError(result, "/root/activities/1/inputs/duration/expression/value", DefinitionErrorCodes.InvalidValue);
        var choice = HasError(result, "/root/activities/2/inputs/mode/expression/value", DefinitionErrorCodes.InvalidValue);
        Assert.Contains("WaitAll, WaitAny", choice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_no_path_leads_to_is_unreachable()
    {
        HasError(Read(Base().Add("a", "Log", Template("message", "1")).Add("orphan", "Log", Template("message", "2")).Chain("start", "a")),
            "/root/activities/2", DefinitionErrorCodes.UnreachableActivity);
    }

    [Fact]
    public void A_workflow_with_nowhere_to_begin_has_no_start()
    {
        var flow = new Flow("loop-only")
            .Add("a", "Log", Template("message", "a"))
            .Add("b", "Log", Template("message", "b"))
            .Chain("a", "b", "a");

        HasError(Read(flow), "/root/activities", DefinitionErrorCodes.NoStart);
    }

    [Fact]
    public void JavaScript_that_does_not_parse_is_reported_with_line_and_column()
    {
        var error = HasError(Read(Base().Add("check", "Decision", Js("condition", "ticket.impact <")).Chain("start", "check")),
            "/root/activities/1/inputs/condition/expression/value", DefinitionErrorCodes.ExpressionParse);
        Assert.Matches(@"line \d+, column \d+", error.Message);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_reported_with_line_and_column()
    {
        var error = HasError(Read(Base().Add("log", "Log", Template("message", "Hello\n{{ for x in }}")).Chain("start", "log")),
            "/root/activities/1/inputs/message/expression/value", DefinitionErrorCodes.ExpressionParse);
        Assert.Matches(@"line \d+, column \d+", error.Message);
    }

    [Fact]
    public void Undeclared_variables_are_reported_wherever_they_are_used()
    {
        var result = Read(Base()
            .Outputs([new JsonObject { ["name"] = "result" }, new JsonObject { ["name"] = "other", ["variable"] = "ghost" }])
            .Add("byName", "Log", Variable("message", "missing"))
            .Add("inJs", "Decision", Js("condition", "vars.absent > 1 && vars.known"))
            .Add("set", "SetVariable", Literal("variable", "nowhere"), Literal("value", 1))
            .Add("wait", "WaitForEvent", MapOutputs(("payload", "unknownTarget")), Literal("eventName", "e"))
            .Chain("start", "byName", "inJs", "set", "wait"));

        HasError(result, "/root/activities/1/inputs/message/expression/value", DefinitionErrorCodes.UndeclaredVariable);
        var js = HasError(result, "/root/activities/2/inputs/condition/expression/value", DefinitionErrorCodes.UndeclaredVariable);
        Assert.Contains("'absent'", js.Message, StringComparison.Ordinal);
        HasError(result, "/root/activities/3/inputs/variable/expression/value", DefinitionErrorCodes.UndeclaredVariable);
        HasError(result, "/root/activities/4/outputs/payload", DefinitionErrorCodes.UndeclaredVariable);
        HasError(result, "/outputs/0/name", DefinitionErrorCodes.UndeclaredVariable);
        HasError(result, "/outputs/1/variable", DefinitionErrorCodes.UndeclaredVariable);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("'known'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undeclared_workflow_input_is_reported()
    {
        HasError(Read(Base().Add("log", "Log", Input("message", "customer")).Chain("start", "log")),
            "/root/activities/1/inputs/message/expression/value", DefinitionErrorCodes.UndeclaredInput);
    }

    [Fact]
    public void An_output_the_activity_does_not_have_is_unknown()
    {
        HasError(Read(Base().Add("wait", "WaitForEvent", MapOutputs(("reply", "known")), Literal("eventName", "e")).Chain("start", "wait")),
            "/root/activities/1/outputs/reply", DefinitionErrorCodes.UnknownOutput);
    }

    [Fact]
    public void Names_expressions_already_use_and_duplicate_names_are_refused()
    {
        var result = Read(new Flow("names")
            .Variable("vars")
            .Variable("count")
            .Variable("count")
            .Inputs([new JsonObject { ["name"] = "instance" }])
            .Add("start", "Start"));

        HasError(result, "/variables/0/name", DefinitionErrorCodes.ReservedName);
        HasError(result, "/variables/2/name", DefinitionErrorCodes.DuplicateName);
        HasError(result, "/inputs/0/name", DefinitionErrorCodes.ReservedName);
    }

    [Fact]
    public void A_retry_delay_that_is_not_a_duration_is_an_invalid_value()
    {
        HasError(Read(Base().Add("log", "Log", Retry(3, "soon"), Template("message", "x")).Chain("start", "log")),
            "/root/activities/1/retry/delay", DefinitionErrorCodes.InvalidValue);
    }

    [Fact]
    public void ReadValid_throws_with_every_error_in_the_message()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => _engine.Reader.ReadValid(Base().Add("x", "Nope").Chain("start", "x").Json));

        Assert.Contains("/root/activities/1/type", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Errors);
    }
}
