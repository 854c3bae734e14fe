using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Definitions;

public sealed class DefinitionDifferTests
{
    private static WorkflowDefinition Read(Flow flow) => WorkflowJson.Deserialize<WorkflowDefinition>(flow.Json)!;

    private static Flow Base() => new Flow("diff")
        .Variable("x")
        .Add("start", "Start")
        .Add("wait", "Delay", Literal("duration", "PT1H"))
        .Add("log", "Log", Template("message", "hello"))
        .Add("end", "End")
        .Chain("start", "wait", "log", "end");

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var diff = DefinitionDiffer.Compare(Read(Base()), Read(Base().Version(2)));

        Assert.False(diff.HasChanges);
        Assert.Equal(1, diff.FromVersion);
        Assert.Equal(2, diff.ToVersion);
    }

    [Fact]
    public void Added_and_removed_activities_and_connections_are_listed()
    {
        var v2 = new Flow("diff").Version(2)
            .Variable("x")
            .Add("start", "Start")
            .Add("wait", "Delay", Literal("duration", "PT1H"))
            .Add("notify", "Log", Template("message", "escalated"))
            .Add("end", "End")
            .Chain("start", "wait", "notify", "end");

        var diff = DefinitionDiffer.Compare(Read(Base()), Read(v2));

        Assert.Equal([new DiffActivity("notify", "Log", null)], diff.AddedActivities);
        Assert.Equal([new DiffActivity("log", "Log", null)], diff.RemovedActivities);
        Assert.Empty(diff.ChangedActivities);
        Assert.Equal([new DiffConnection("wait", "Done", "notify"), new DiffConnection("notify", "Done", "end")], diff.AddedConnections);
        Assert.Equal([new DiffConnection("wait", "Done", "log"), new DiffConnection("log", "Done", "end")], diff.RemovedConnections);
        Assert.Empty(diff.ChangedProperties);
    }

    [Fact]
    public void A_changed_activity_lists_which_fields_changed()
    {
        var v2 = new Flow("diff").Version(2)
            .Variable("x")
            .Add("start", "Start")
            .Add("wait", "Delay", new JsonObject { ["name"] = "Wait a day", ["retry"] = new JsonObject { ["maxAttempts"] = 3 } }, Literal("duration", "P1D"))
            .Add("log", "Log", new JsonObject { ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 1, ["y"] = 2 } } } },
                Template("message", "hello"), Literal("level", "Warning"))
            .Add("end", "End")
            .Chain("start", "wait", "log", "end");

        var diff = DefinitionDiffer.Compare(Read(Base()), Read(v2));

        Assert.Collection(diff.ChangedActivities,
            wait =>
            {
                Assert.Equal("wait", wait.Id);
                Assert.Equal(["name", "inputs.duration", "retry"], wait.Fields);
            },
            log =>
            {
                Assert.Equal("log", log.Id);
                Assert.Equal(["inputs.level", "metadata"], log.Fields);
            });
        Assert.Empty(diff.AddedActivities);
        Assert.Empty(diff.AddedConnections);
    }

    [Fact]
    public void A_changed_port_is_a_removed_and_an_added_connection_and_top_level_changes_are_named()
    {
        var v1 = new Flow("diff")
            .Add("start", "Start")
            .Add("check", "Decision", Js("condition", "true"))
            .Add("end", "End")
            .Connect("start", "check")
            .Connect("check", "end", "True");
        var v2 = new Flow("diff").Version(2)
            .Variable("y")
            .Add("start", "Start")
            .Add("check", "Decision", Js("condition", "true"))
            .Add("end", "End")
            .Connect("start", "check")
            .Connect("check", "end", "False");
        var renamed = Read(v2) with { Name = "Renamed", Description = "now described" };

        var diff = DefinitionDiffer.Compare(Read(v1), renamed);

        Assert.Equal([new DiffConnection("check", "False", "end")], diff.AddedConnections);
        Assert.Equal([new DiffConnection("check", "True", "end")], diff.RemovedConnections);
        Assert.Equal(["name", "description", "variables"], diff.ChangedProperties);
    }

    [Fact]
    public void Formatting_and_property_order_are_not_changes_and_bend_points_are_ignored()
    {
        var v1 = Read(Base());
        var reordered = JsonNode.Parse("""
            { "name": "diff", "version": 3, "definitionId": "diff", "variables": [ { "name": "x" } ],
              "root": { "connections": [
                  { "target": { "activity": "wait" }, "source": { "port": "Done", "activity": "start" }, "vertices": [ { "x": 5, "y": 5 } ] },
                  { "source": { "activity": "wait" }, "target": { "activity": "log" } },
                  { "source": { "activity": "log" }, "target": { "activity": "end" } } ],
                "activities": [
                  { "type": "Start", "id": "start" },
                  { "inputs": { "duration": { "expression": { "value": "PT1H", "type": "literal" } } }, "type": "Delay", "id": "wait" },
                  { "id": "log", "type": "Log", "inputs": { "message": { "expression": { "type": "template", "value": "hello" } } } },
                  { "id": "end", "type": "End" } ],
                "type": "Flowchart" } }
            """);

        var diff = DefinitionDiffer.Compare(v1, WorkflowJson.Deserialize<WorkflowDefinition>(reordered)!);

        Assert.False(diff.HasChanges, WorkflowJson.Serialize(diff));
    }
}
