using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Tasks;

/// <summary>Completing tasks: form data checked field by field on the server, outcomes, twice is a 409, the workflow continues.</summary>
[Collection(ServerCollection.Name)]
public sealed class TaskCompletionTests(ServerFixture server)
{
    private readonly HttpClient _admin = server.Client;

    private async Task<(string InstanceId, string TaskId)> StartAsync(params (string, string, JsonNode?)[] inputs)
    {
        var id = Ids.New("complete");
        return await _admin.StartTaskAsync(HumanTaskFlows.Single(id, [Literal("candidateTeam", "Network"), Literal("form", HumanTaskFlows.ContactForm()), .. inputs]), id);
    }

    [Fact]
    public async Task A_task_shows_its_form_outcomes_and_context_and_completing_it_continues_the_workflow_with_its_data()
    {
        var now = server.Factory.Clock.GetUtcNow();
        var (instanceId, taskId) = await StartAsync(Js("context", "({ ticket: 'INC-9', customer: 'ACME' })"), Literal("dueIn", "PT4H"), Literal("priority", 70),
            Template("description", "Call the customer back"));

        var task = await _admin.GetTaskAsync(taskId);
        Assert.Equal("open", task["status"]!.GetValue<string>());
        Assert.Equal("Call the customer back", task["description"]!.GetValue<string>());
        Assert.Equal("ACME", task["context"]!["customer"]!.GetValue<string>());
        Assert.Equal("object", task["form"]!["type"]!.GetValue<string>());
        Assert.Equal("Where we answer.", task["uiSchema"]!["email"]!["ui:help"]!.GetValue<string>());
        Assert.Equal(["Approve", "Reject"], task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(70, task["priority"]!.GetValue<int>());
        Assert.Equal(now.AddHours(4), task["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Network", task["candidateTeam"]!.GetValue<string>());
        Assert.Equal(instanceId, task["instanceId"]!.GetValue<string>());
        Assert.Equal(["created"], task.Kinds());

        var done = await (await _admin.CompleteAsync(taskId, "Approve", new JsonObject { ["email"] = "ana@example.com", ["severity"] = "high" })).ReadObjectAsync();

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal("Approve", done["outcome"]!.GetValue<string>());
        Assert.Equal("ana@example.com", done["data"]!["email"]!.GetValue<string>());
        Assert.Equal(["created", "completed"], done.Kinds());
        var completed = done["history"]!.AsArray()[1]!;
        Assert.Equal(done["completedBy"]!.GetValue<string>(), completed["actor"]!.GetValue<string>());
        Assert.StartsWith("api-key:", completed["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        var instance = await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}");
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        Assert.Equal("high", instance["variables"]!["answer"]!["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_data_is_a_422_naming_each_field_and_nothing_changes()
    {
        var (instanceId, taskId) = await StartAsync();

        var problem = await (await _admin.CompleteAsync(taskId, "Approve", new JsonObject { ["email"] = "not-an-email", ["callbackAt"] = "next tuesday" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "form-invalid");

        var errors = problem.Errors();
        Assert.Contains(errors, e => e.Pointer == "/data/severity" && e.Message == "'severity' is required.");
        Assert.Contains(errors, e => e.Pointer == "/data/email" && e.Message == "'email' is not a valid email address.");
        Assert.Contains(errors, e => e.Pointer == "/data/callbackAt" && e.Message.Contains("date and time", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Equal("open", (await _admin.GetTaskAsync(taskId))["status"]!.GetValue<string>());
        Assert.Equal("Suspended", (await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}"))["status"]!.GetValue<string>());

        var unknown = await (await _admin.CompleteAsync(taskId, "Maybe", new JsonObject { ["email"] = "a@b.example", ["severity"] = "low" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "outcome-unknown");
        Assert.Contains(unknown.Errors(), e => e.Pointer == "/outcome");
        var notObject = await (await _admin.PostJsonAsync($"/api/tasks/{taskId}/complete", """{ "outcome": "Approve", "data": [1] }"""))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "form-invalid");
        Assert.Contains(notObject.Errors(), e => e.Pointer == "/data");
    }

    [Fact]
    public async Task Completing_twice_is_a_409_and_the_second_answer_is_ignored()
    {
        var (_, taskId) = await StartAsync();
        var valid = new JsonObject { ["email"] = "a@b.example", ["severity"] = "low" };
        await (await _admin.CompleteAsync(taskId, "Reject", valid)).ReadObjectAsync();

        await (await _admin.CompleteAsync(taskId, "Approve", valid)).AssertProblemAsync(HttpStatusCode.Conflict, "task-not-open");

        Assert.Equal("Reject", (await _admin.GetTaskAsync(taskId))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_completions_let_exactly_one_win()
    {
        var (instanceId, taskId) = await StartAsync();
        var valid = new JsonObject { ["email"] = "a@b.example", ["severity"] = "low" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _admin.CompleteAsync(taskId, i % 2 == 0 ? "Approve" : "Reject", valid)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        }

        var task = await _admin.GetTaskAsync(taskId);
        Assert.Single(task.Kinds(), k => k == "completed");
        Assert.Equal(1, (await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}"))["activities"]!["end"]!["runs"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_public_resume_endpoint_refuses_task_and_timer_bookmarks()
    {
        var (_, taskId) = await StartAsync(Literal("escalateAfter", "PT1H"), Literal("escalateTo", new JsonObject { ["team"] = "Major incidents" }));
        var instance = await _admin.GetObjectAsync($"/api/workflow-instances/{(await _admin.GetTaskAsync(taskId))["instanceId"]!.GetValue<string>()}");
        var timer = instance["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "Timer")!["id"]!.GetValue<string>();

        var task = await (await _admin.PostJsonAsync($"/api/bookmarks/{taskId}/resume", """{ "input": { "outcome": "Approve", "completedBy": "me" } }"""))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "bookmark-internal");
        Assert.Contains($"/api/tasks/{taskId}/complete", task["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _admin.PostJsonAsync($"/api/bookmarks/{timer}/resume", "{}")).AssertProblemAsync(HttpStatusCode.Forbidden, "bookmark-internal");
        Assert.Equal("open", (await _admin.GetTaskAsync(taskId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_the_workflow_cancels_its_task()
    {
        var (instanceId, taskId) = await StartAsync();

        await (await _admin.PostJsonAsync($"/api/workflow-instances/{instanceId}/cancel", """{ "reason": "duplicate" }""")).ReadObjectAsync();

        var task = await _admin.GetTaskAsync(taskId);
        Assert.Equal("cancelled", task["status"]!.GetValue<string>());
        Assert.Equal(["created", "cancelled"], task.Kinds());
        await (await _admin.CompleteAsync(taskId, "Approve")).AssertProblemAsync(HttpStatusCode.Conflict, "task-not-open");
    }

    [Fact]
    public async Task A_task_that_loses_a_wait_any_race_is_cancelled()
    {
        var id = Ids.New("race");
        var flow = new Flow(id)
            .Add("start", "Start")
            .Add("fork", "Fork", Literal("branches", new JsonArray("Task", "Event")))
            .Add("task", "HumanTask", Template("title", "Slow"), Literal("candidateRole", "agent"))
            .Add("wait", "WaitForEvent", Literal("eventName", $"{id}.fast"))
            .Add("join", "Join", Literal("mode", "WaitAny"))
            .Add("end", "End")
            .Connect("start", "fork").Connect("fork", "task", "Task").Connect("fork", "wait", "Event")
            .Connect("task", "join").Connect("wait", "join").Connect("join", "end");
        var (instanceId, taskId) = await _admin.StartTaskAsync(flow, id);

        await (await _admin.PostJsonAsync($"/api/events/{id}.fast", "{}")).ReadObjectAsync();

        Assert.Equal("Finished", (await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}"))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await _admin.GetTaskAsync(taskId))["status"]!.GetValue<string>());
    }
}
