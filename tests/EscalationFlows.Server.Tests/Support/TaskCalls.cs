using System.Net;
using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Publishing and starting workflows with human tasks, and finding their tasks, over HTTP.</summary>
public static class TaskCalls
{
    /// <summary>Imports and publishes a definition with the admin client.</summary>
    public static async Task PublishAsync(this HttpClient admin, Flow flow) =>
        await (await admin.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);

    /// <summary>Starts an instance; returns the run.</summary>
    public static async Task<JsonObject> StartAsync(this HttpClient client, string definitionId, JsonObject? input = null) =>
        await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = definitionId, ["input"] = input ?? new JsonObject() }))
            .ReadObjectAsync(HttpStatusCode.Created);

    /// <summary>Publishes the flow, starts it and returns (instance id, id of its one open task).</summary>
    public static async Task<(string InstanceId, string TaskId)> StartTaskAsync(this HttpClient admin, Flow flow, string definitionId)
    {
        await admin.PublishAsync(flow);
        var run = await admin.StartAsync(definitionId);
        var task = run["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!;
        return (run["id"]!.GetValue<string>(), task["id"]!.GetValue<string>());
    }

    public static async Task<JsonObject> GetTaskAsync(this HttpClient client, string taskId, HttpStatusCode expected = HttpStatusCode.OK) =>
        await client.GetObjectAsync($"/api/tasks/{taskId}", expected);

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string taskId, string outcome, JsonObject? data = null) =>
        client.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = outcome, ["data"] = data?.DeepClone() ?? new JsonObject() });

    /// <summary>The ids of the tasks a list answer holds, in order.</summary>
    public static IReadOnlyList<string> Ids(this JsonObject page) => [.. page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>())];

    public static IReadOnlyList<string> Kinds(this JsonObject task) => [.. task["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>())];
}
