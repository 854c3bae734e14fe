using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>
/// Escalations arranged through the API with the shipped lifecycle workflows (imported and published at start): open,
/// triage, investigation and fix, as the demo escalation manager and admin would do them. The demo team Applications
/// (Mia Manager, Aiko Agent) gets the crm escalations by round-robin.
/// </summary>
public static partial class EscalationScenario
{
    /// <summary>Opens an escalation (client-requested, gold, crm, impact 2 × urgency 2) for <paramref name="client"/>; returns its details.</summary>
    public static async Task<JsonObject> OpenAsync(HttpClient client, string title, string clientName) =>
        (await client.PostJsonAsync("/api/escalations", new JsonObject
        {
            ["title"] = title,
            ["client"] = clientName,
            ["clientEmail"] = "it-lead@client.example",
            ["clientContact"] = "Jo Lee",
            ["tier"] = "gold",
            ["category"] = "crm",
            ["impact"] = 2,
            ["urgency"] = 2,
            ["triggerReason"] = "client-request",
            ["description"] = "Sales staff cannot open customer records since this morning's release.",
            ["priorAttempts"] = new JsonArray("Restarted the CRM application servers"),
        }, HttpStatusCode.Created)).AsObject();

    public static async Task<JsonObject> DetailsAsync(HttpClient client, string escalationId) =>
        (await client.GetJsonAsync($"/api/escalations/{escalationId}")).AsObject();

    /// <summary>
    /// Completes the escalation's one open task at <paramref name="activityId"/> (admins may complete any task). A child
    /// workflow may start after the API answered (the outbox dispatcher delivers it), so the task is awaited with a deadline.
    /// </summary>
    public static async Task CompleteAsync(HttpClient admin, string escalationId, string activityId, string outcome, JsonObject data)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(StudioFixture.TimeoutMs);
        while (true)
        {
            var details = await DetailsAsync(admin, escalationId);
            var task = details["openTasks"]!.AsArray().SingleOrDefault(t => t!["activityId"]!.GetValue<string>() == activityId);
            if (task is not null)
            {
                await admin.PostJsonAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/complete", new JsonObject { ["outcome"] = outcome, ["data"] = data });
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"No open task at '{activityId}'; stage {details["escalation"]!["stage"]}; open: {details["openTasks"]!.ToJsonString()}; workflow {details["workflow"]!.ToJsonString()}");
            }

            await Task.Yield();
        }
    }

    /// <summary>Triage confirms it: routed to Applications, an owner named, the cited summary written, the investigation task open.</summary>
    public static async Task<JsonObject> TriageAsync(HttpClient admin, string escalationId)
    {
        await CompleteAsync(admin, escalationId, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        return await WaitForAsync(admin, escalationId, "the investigation task",
            d => d["openTasks"]!.AsArray().Any(t => t!["activityId"]!.GetValue<string>() == "investigate"));
    }

    /// <summary>The owner plans and fixes it: the client is asked to confirm through a signed link.</summary>
    public static async Task FixAsync(HttpClient admin, string escalationId, string fix)
    {
        await CompleteAsync(admin, escalationId, "investigate", "PlanReady", new JsonObject { ["rootCauseHypothesis"] = "Release 5.2 broke the record view", ["plan"] = "Roll back release 5.2" });
        await CompleteAsync(admin, escalationId, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = fix });
        await WaitForAsync(admin, escalationId, "the client's confirmation request", d => d["escalation"]!["stage"]!.GetValue<string>() == "AwaitingClient"
            && d["communications"]!.AsArray().Any(c => c!["purpose"]?.GetValue<string>() == "confirmation-request" && c["body"]!.GetValue<string>().Contains(fix, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The escalation's details once <paramref name="condition"/> holds. Child workflows of the lifecycle may start after
    /// the API answered (the outbox dispatcher delivers them), so this polls, with a deadline.
    /// </summary>
    public static async Task<JsonObject> WaitForAsync(HttpClient client, string escalationId, string what, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(StudioFixture.TimeoutMs);
        while (true)
        {
            var details = await DetailsAsync(client, escalationId);
            if (condition(details))
            {
                return details;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Waited in vain for {what}; stage {details["escalation"]!["stage"]}; open tasks {details["openTasks"]!.ToJsonString()}; workflow {details["workflow"]!.ToJsonString()}");
            }

            await Task.Yield();
        }
    }

    /// <summary>The link in the newest confirmation request of the communications log (what the client's mail says).</summary>
    public static async Task<string> ClientLinkAsync(HttpClient admin, string escalationId)
    {
        var details = await DetailsAsync(admin, escalationId);
        var request = details["communications"]!.AsArray().Last(c => c!["purpose"]?.GetValue<string>() == "confirmation-request")!;
        var match = LinkPattern().Match(request["body"]!.GetValue<string>());
        if (!match.Success)
        {
            throw new InvalidOperationException($"No client link in the confirmation request: {request["body"]}");
        }

        return match.Value;
    }

    [GeneratedRegex(@"https?://[^\s]+/escalations/[^/\s]+/client\?token=[^\s]+")]
    private static partial Regex LinkPattern();
}
