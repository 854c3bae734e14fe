using System.Text.Json.Nodes;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Validation;
using static EscalationFlows.Engine.Tests.Support.Flow;
using static EscalationFlows.Engine.Tests.Validation.ValidationAssert;

namespace EscalationFlows.Engine.Tests.Validation;

public sealed class SwitchAndForkValidationTests : IDisposable
{
    private const string Cases = "/root/activities/1/inputs/cases/expression/value";

    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private DefinitionReadResult ReadSwitch(JsonArray cases) => _engine.Reader.Read(new Flow("switch")
        .Add("start", "Start")
        .Add("route", "Switch", Literal("cases", cases))
        .Chain("start", "route")
        .Json);

    [Fact]
    public void Well_formed_cases_are_valid_and_their_ports_can_be_connected()
    {
        var result = _engine.Reader.Read(new Flow("switch-ok")
            .Add("start", "Start")
            .Add("route", "Switch", Literal("cases", new JsonArray { new JsonObject { ["port"] = "High", ["condition"] = "true" } }))
            .Add("high", "Log", Template("message", "h"))
            .Add("other", "Log", Template("message", "o"))
            .Chain("start", "route")
            .Connect("route", "high", "High")
            .Connect("route", "other", "Default")
            .Json);

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void A_case_that_is_not_an_object_is_reported_at_its_index()
    {
        HasError(ReadSwitch(["High"]), $"{Cases}/0", DefinitionErrorCodes.InvalidValue);
    }

    [Fact]
    public void A_case_without_a_port_name_is_reported_at_its_port()
    {
        HasError(ReadSwitch([new JsonObject { ["port"] = 7, ["condition"] = "true" }]), $"{Cases}/0/port", DefinitionErrorCodes.InvalidValue);
        HasError(ReadSwitch([new JsonObject { ["condition"] = "true" }]), $"{Cases}/0/port", DefinitionErrorCodes.InvalidValue);
    }

    [Fact]
    public void Two_cases_with_one_port_or_a_case_named_Default_are_refused()
    {
        var result = ReadSwitch([
            new JsonObject { ["port"] = "High", ["condition"] = "true" },
            new JsonObject { ["port"] = "High", ["condition"] = "false" },
            new JsonObject { ["port"] = "Default", ["condition"] = "false" },
        ]);

        HasError(result, $"{Cases}/1/port", DefinitionErrorCodes.InvalidValue);
        HasError(result, $"{Cases}/2/port", DefinitionErrorCodes.InvalidValue);
    }

    [Fact]
    public void A_case_condition_is_checked_like_any_JavaScript()
    {
        var result = ReadSwitch([
            new JsonObject { ["port"] = "A", ["condition"] = 1 },
            new JsonObject { ["port"] = "B", ["condition"] = "vars.nope" },
            new JsonObject { ["port"] = "C", ["condition"] = "((" },
        ]);

        HasError(result, $"{Cases}/0/condition", DefinitionErrorCodes.InvalidValue);
        HasError(result, $"{Cases}/1/condition/value", DefinitionErrorCodes.UndeclaredVariable);
        HasError(result, $"{Cases}/2/condition/value", DefinitionErrorCodes.ExpressionParse);
    }

    [Fact]
    public void Fork_branch_names_must_be_distinct_port_names()
    {
        var result = _engine.Reader.Read(new Flow("fork")
            .Add("start", "Start")
            .Add("fork", "Fork", Literal("branches", new JsonArray("A", "A", "Done", 3)))
            .Chain("start", "fork")
            .Json);

        var branches = "/root/activities/1/inputs/branches/expression/value";
        HasError(result, $"{branches}/1", DefinitionErrorCodes.InvalidValue);
        HasError(result, $"{branches}/2", DefinitionErrorCodes.InvalidValue);
        HasError(result, $"{branches}/3", DefinitionErrorCodes.InvalidValue);
    }
}
