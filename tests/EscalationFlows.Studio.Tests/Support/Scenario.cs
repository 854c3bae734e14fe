using System.Net;
using System.Text.Json.Nodes;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>Arranging through the API what a browser test starts from: workflows, instances, completed tasks.</summary>
public static class Scenario
{
    private static readonly string WorkflowFolder = Path.Combine(AppContext.BaseDirectory, "Workflows");

    /// <summary>The test workflow studio-triage.json under another id (Start → triage task → client confirmation → End).</summary>
    public static JsonObject TriageWorkflow(string definitionId)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFolder, "studio-triage.json")))!.AsObject();
        json["definitionId"] = definitionId;
        return json;
    }

    /// <summary>Imports and publishes the test workflow unless a published version with this id exists (a shipped one, say).</summary>
    public static async Task EnsurePublishedAsync(HttpClient admin, string definitionId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var existing = await admin.GetAsync($"/api/workflow-definitions/{definitionId}?version=published", TestContext.Current.CancellationToken);
        if (existing.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        await admin.PostJsonAsync("/api/workflow-definitions/import?publish=true", TriageWorkflow(definitionId), HttpStatusCode.Created);
    }

    /// <summary>Starts an instance for a ticket; returns (instance id, id of its triage task).</summary>
    public static async Task<(string InstanceId, string TaskId)> StartAsync(HttpClient admin, string definitionId, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var run = await admin.PostJsonAsync("/api/workflow-instances",
            new JsonObject { ["definitionId"] = definitionId, ["input"] = new JsonObject { ["ticketId"] = ticketId, ["customer"] = "ACME Logistics" } },
            HttpStatusCode.Created);
        var task = run["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!;
        return (run["id"]!.GetValue<string>(), task["id"]!.GetValue<string>());
    }

    /// <summary>Completes the triage task with valid data and the given outcome (Resolve or AskCustomer).</summary>
    public static async Task CompleteTriageAsync(HttpClient admin, string taskId, string outcome)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject
        {
            ["outcome"] = outcome,
            ["data"] = new JsonObject { ["severity"] = "high", ["summary"] = "Routing loop at the edge.", ["customerEmail"] = "ops@acme.example" },
        });
    }

    public static async Task<JsonObject> InstanceAsync(HttpClient client, string instanceId) =>
        (await client.GetJsonAsync($"/api/workflow-instances/{instanceId}")).AsObject();
}
