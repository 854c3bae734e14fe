using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.HumanTasks;

public sealed class HumanTaskActivityTests
{
    private static readonly JsonObject Form = new()
    {
        ["schema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["comment"] = new JsonObject { ["type"] = "string" } },
        },
    };

    private static Flow Approval(string id, params (string, string, JsonNode?)[] extra) => new Flow(id)
        .Add("start", "Start")
        .Add("task", "HumanTask", [Template("title", "Approve"), Literal("candidateTeam", "Network"), Literal("outcomes", new JsonArray("Approve", "Reject")),
            Literal("form", Form.DeepClone()), .. extra])
        .Add("approved", "Log", Template("message", "approved"))
        .Add("rejected", "Log", Template("message", "rejected"))
        .Connect("start", "task")
        .Connect("task", "approved", "Approve")
        .Connect("task", "rejected", "Reject");

    private static (EngineHarness Engine, EffectRecordingStore Store) Harness()
    {
        EffectRecordingStore? store = null;
        var engine = new EngineHarness(services => services.AddSingleton<IWorkflowStore>(sp => store = new EffectRecordingStore(sp.GetRequiredService<InMemoryWorkflowStore>())));
        _ = engine.Runtime;
        return (engine, store!);
    }

    [Fact]
    public void The_outcomes_are_the_ports_and_Done_is_the_only_port_without_them()
    {
        using var engine = new EngineHarness();
        var activity = engine.Registry.Find("HumanTask")!;
        var withOutcomes = new ActivityNode
        {
            Id = "t",
            Type = "HumanTask",
            Inputs = new Dictionary<string, InputBinding> { ["outcomes"] = new() { Expression = new ExpressionDefinition { Type = "literal", Value = new JsonArray("Approve", "Return") } } },
        };

        Assert.Equal(["Approve", "Return"], activity.GetPorts(withOutcomes));
        Assert.Equal([Ports.Done], activity.GetPorts(new ActivityNode { Id = "t", Type = "HumanTask" }));
        Assert.Equal("Human tasks", activity.Descriptor.Category);
        Assert.Equal(BookmarkKinds.HumanTask, activity.Descriptor.BookmarkKind);
        Assert.Equal("outcomes", activity.Descriptor.PortsFromInput);
    }

    public static TheoryData<string, JsonNode, string> InvalidInputs => new()
    {
        { "outcomes", new JsonArray(), "/root/activities/1/inputs/outcomes/expression/value" },
        { "outcomes", new JsonArray("Approve", "Approve"), "/root/activities/1/inputs/outcomes/expression/value/1" },
        { "form", new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "nope" } } } }, "/root/activities/1/inputs/form/expression/value/schema/properties/x/type" },
        { "form", new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }, "/root/activities/1/inputs/form/expression/value/schema/type" },
        { "form", new JsonObject { ["fields"] = new JsonArray() }, "/root/activities/1/inputs/form/expression/value/fields" },
        { "form", new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" }, ["uiSchema"] = new JsonObject { ["ui:order"] = new JsonArray("missing") } }, "/root/activities/1/inputs/form/expression/value/uiSchema/ui:order/0" },
        { "priority", JsonValue.Create(101), "/root/activities/1/inputs/priority/expression/value" },
        { "escalateTo", new JsonObject { ["queue"] = "x" }, "/root/activities/1/inputs/escalateTo/expression/value" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Definition_validation_rejects_bad_outcomes_forms_and_escalations_naming_the_pointer(string input, JsonNode value, string pointer)
    {
        using var engine = new EngineHarness();
        var flow = new Flow("invalid")
            .Add("start", "Start")
            .Add("task", "HumanTask", Template("title", "t"), Literal("candidateRole", "agent"), Literal(input, value), Literal("escalateAfter", "PT1H"),
                input == "escalateTo" ? Literal("dueIn", "PT2H") : Literal("escalateTo", new JsonObject { ["team"] = "Network" }))
            .Chain("start", "task");

        var result = engine.Reader.Read(flow.Json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Code == DefinitionErrorCodes.InvalidValue);
    }

    [Fact]
    public void A_task_needs_someone_to_do_it_and_escalation_needs_both_when_and_where()
    {
        using var engine = new EngineHarness();
        var flow = new Flow("nobody").Add("start", "Start").Add("task", "HumanTask", Template("title", "t"), Literal("escalateAfter", "PT1H")).Chain("start", "task");

        var errors = engine.Reader.Read(flow.Json).Errors;

        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.MissingRequiredInput && e.Message.Contains("assignee", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == DefinitionErrorCodes.MissingRequiredInput && e.Message.Contains("escalateTo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_creates_a_task_bookmark_and_a_created_effect_and_completing_continues_on_the_chosen_outcome()
    {
        var (engine, store) = Harness();
        using var _ = engine;
        engine.Publish(Approval("approval", Literal("dueIn", "PT8H"), Js("context", "({ ticket: input.ticket })"), Template("description", "Ticket {{ input.ticket }}"))
            .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "string" }]).Json);

        var run = await engine.StartAsync("approval", new JsonObject { ["ticket"] = "INC-7" }, correlationId: "INC-7");

        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(BookmarkKinds.HumanTask, bookmark.Kind);
        var created = WorkflowJson.Deserialize<HumanTaskSpec>(Assert.Single(store.Effects(HumanTaskEffects.Created)).Payload)!;
        Assert.Equal(bookmark.Id, created.TaskId);
        Assert.Equal("Approve", created.Title);
        Assert.Equal("Ticket INC-7", created.Description);
        Assert.Equal("Network", created.CandidateTeam);
        Assert.Equal(["Approve", "Reject"], created.Outcomes);
        Assert.Equal(EngineHarness.Epoch + TimeSpan.FromHours(8), created.DueAt);
        Assert.Equal("INC-7", created.Context!["ticket"]!.GetValue<string>());
        Assert.Equal(HumanTaskActivity.DefaultPriority, created.Priority);
        Assert.Equal("INC-7", created.CorrelationId);

        var done = await engine.ResumeAsync(bookmark.Id, WorkflowJson.ToNode(new HumanTaskCompletion { Outcome = "Reject", Data = new JsonObject { ["comment"] = "no" }, CompletedBy = "user-1" }));

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal("Reject", state.ActivityOutputs["task"]!["outcome"]!.GetValue<string>());
        Assert.Equal("no", state.ActivityOutputs["task"]!["data"]!["comment"]!.GetValue<string>());
        Assert.Equal("user-1", state.ActivityOutputs["task"]!["completedBy"]!.GetValue<string>());
        Assert.Equal(1, state.GetActivityState("rejected").Runs);
        Assert.Equal(0, state.GetActivityState("approved").Runs);
        var completed = WorkflowJson.Deserialize<HumanTaskCompletion>(Assert.Single(store.Effects(HumanTaskEffects.Completed)).Payload)!;
        Assert.Equal(bookmark.Id, completed.TaskId);
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_have_faults_the_activity()
    {
        using var engine = new EngineHarness();
        engine.Publish(Approval("unknown-outcome").Json);
        var run = await engine.StartAsync("unknown-outcome");

        var resumed = await engine.ResumeAsync(run.Bookmarks[0].Id, WorkflowJson.ToNode(new HumanTaskCompletion { Outcome = "Maybe", CompletedBy = "u" }));

        Assert.Equal(WorkflowStatus.Faulted, resumed.Status);
        Assert.Equal("task-outcome-unknown", Assert.Single(resumed.Incidents).Code);
    }

    [Fact]
    public async Task The_deadline_timer_escalates_and_the_activity_keeps_waiting_on_the_task()
    {
        var (engine, store) = Harness();
        using var _ = engine;
        engine.Publish(Approval("escalating", Literal("escalateAfter", "PT2H"), Literal("escalateTo", new JsonObject { ["team"] = "Major incidents" })).Json);
        var run = await engine.StartAsync("escalating");
        var task = run.Bookmarks.Single(b => b.Kind == BookmarkKinds.HumanTask);
        Assert.Equal(EngineHarness.Epoch + TimeSpan.FromHours(2), run.Bookmarks.Single(b => b.Kind == BookmarkKinds.Timer).DueAt);

        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var escalated = Assert.Single(store.Effects(HumanTaskEffects.Escalated));
        Assert.Equal(task.Id, escalated.Payload["taskId"]!.GetValue<string>());
        Assert.Equal("Major incidents", escalated.Payload["team"]!.GetValue<string>());
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, state.Status);
        Assert.Equal(task.Id, Assert.Single(state.Bookmarks).Id);

        var done = await engine.ResumeAsync(task.Id, WorkflowJson.ToNode(new HumanTaskCompletion { Outcome = "Approve", CompletedBy = "u" }));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
    }

    [Fact]
    public async Task Completing_before_the_deadline_drops_the_escalation_timer()
    {
        using var engine = new EngineHarness();
        engine.Publish(Approval("in-time", Literal("escalateAfter", "PT2H"), Literal("escalateTo", new JsonObject { ["role"] = "escalation-manager" })).Json);
        var run = await engine.StartAsync("in-time");

        await engine.ResumeAsync(run.Bookmarks.Single(b => b.Kind == BookmarkKinds.HumanTask).Id, WorkflowJson.ToNode(new HumanTaskCompletion { Outcome = "Approve", CompletedBy = "u" }));

        Assert.Null(await engine.NextTimerDueAsync());
        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task A_task_for_the_client_gets_a_signed_link_from_the_host_and_faults_without_one()
    {
        var issuer = new FixedIssuer();
        using (var engine = new EngineHarness(services => services.AddSingleton<IClientLinkIssuer>(issuer)))
        {
            engine.Publish(new Flow("client").Add("start", "Start").Add("ask", "HumanTask", Template("title", "Confirm"), Literal("candidateRole", "client")).Chain("start", "ask").Json);
            var run = await engine.StartAsync("client");

            var link = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["ask"]!["clientLink"]!;
            Assert.Equal("token-for-" + run.Bookmarks[0].Id, link["token"]!.GetValue<string>());
            Assert.Equal("task", link["purpose"]!.GetValue<string>());
        }

        using var without = new EngineHarness();
        without.Publish(new Flow("client").Add("start", "Start").Add("ask", "HumanTask", Template("title", "Confirm"), Literal("candidateRole", "client")).Chain("start", "ask").Json);
        var faulted = await without.StartAsync("client");
        Assert.Equal("client-links-unavailable", Assert.Single(faulted.Incidents).Code);
    }

    private sealed class FixedIssuer : IClientLinkIssuer
    {
        public ClientLinkTicket Issue(string linkId, string purpose, string subjectId, DateTimeOffset issuedAt) => new()
        {
            Id = linkId,
            Purpose = purpose,
            SubjectId = subjectId,
            Token = "token-for-" + subjectId,
            ApiPath = "/api/client/x",
            Url = "/api/client/x",
            ExpiresAt = issuedAt.AddDays(7),
        };
    }
}
