using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence;
using EscalationFlows.Server.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Tickets, SLA workflows and timer driving for the SLA tests.</summary>
public static class SlaCalls
{
    /// <summary>The definition id of the workflow <see cref="Watcher"/> publishes.</summary>
    public const string WatcherId = "sla-watch";

    /// <summary>A registration body; P1 resolution is 240 business minutes (50 % 2 h, 75 % 3 h, 90 % 3 h 36 min, breach 4 h).</summary>
    public static JsonObject Ticket(string externalId, int priority = 1, string? status = "in-progress", DateTimeOffset? openedAt = null, string? policyId = null,
        string? tier = null, string source = "test")
    {
        var ticket = new JsonObject
        {
            ["source"] = source,
            ["externalId"] = externalId,
            ["client"] = "Acme",
            ["priority"] = priority,
            ["openedAt"] = Text(openedAt ?? ServerFactory.Epoch),
            ["title"] = $"Ticket {externalId}",
        };
        if (status is not null)
        {
            ticket["status"] = status;
        }

        if (policyId is not null)
        {
            ticket["policyId"] = policyId;
        }

        if (tier is not null)
        {
            ticket["tier"] = tier;
        }

        return ticket;
    }

    public static string Text(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static async Task<JsonObject> RegisterAsync(this HttpClient client, JsonObject ticket, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostJsonAsync("/api/tickets", ticket)).ReadObjectAsync(expected);

    public static async Task<JsonObject> PatchTicketAsync(this HttpClient client, string ticketId, JsonObject change, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{ticketId}") { Content = new StringContent(change.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        return await (await client.SendAsync(request, ApiCalls.Token)).ReadObjectAsync(expected);
    }

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        return client.SendAsync(request, ApiCalls.Token);
    }

    /// <summary>
    /// EventTrigger on sla.threshold → records subjectId, metric, percentage and firedAt; reason "sla-risk" from 75 % up
    /// to (not including) the breach, else "sla-" + action → End.
    /// </summary>
    public static Flow Watcher(string id = WatcherId) => new Flow(id)
        .Inputs(
        [
            new JsonObject { ["name"] = "subjectId", ["type"] = "string" },
            new JsonObject { ["name"] = "metric", ["type"] = "string" },
            new JsonObject { ["name"] = "percentage", ["type"] = "number" },
            new JsonObject { ["name"] = "action", ["type"] = "string" },
            new JsonObject { ["name"] = "firedAt", ["type"] = "string" },
        ])
        .Variable("reason")
        .Variable("subjectId")
        .Variable("metric")
        .Variable("percentage")
        .Variable("firedAt")
        .Add("trigger", "EventTrigger", Literal("eventName", "sla.threshold"))
        .Add("subject", "SetVariable", Literal("variable", "subjectId"), ("value", "input", "subjectId"))
        .Add("metric", "SetVariable", Literal("variable", "metric"), ("value", "input", "metric"))
        .Add("percentage", "SetVariable", Literal("variable", "percentage"), ("value", "input", "percentage"))
        .Add("fired", "SetVariable", Literal("variable", "firedAt"), ("value", "input", "firedAt"))
        .Add("risk", "Decision", Js("condition", "input.percentage >= 75 && input.percentage < 100"))
        .Add("atRisk", "SetVariable", Literal("variable", "reason"), Literal("value", "sla-risk"))
        .Add("other", "SetVariable", Literal("variable", "reason"), Js("value", "'sla-' + input.action"))
        .Add("end", "End")
        .Chain("trigger", "subject", "metric", "percentage", "fired", "risk")
        .Connect("risk", "atRisk", "True")
        .Connect("risk", "other", "False")
        .Connect("atRisk", "end")
        .Connect("other", "end");

    /// <summary>Every instance of a definition with its variables (oldest first).</summary>
    public static async Task<List<JsonObject>> InstancesAsync(this HttpClient client, string definitionId)
    {
        var page = await client.GetObjectAsync($"/api/workflow-instances?definitionId={definitionId}&pageSize=100");
        var details = new List<JsonObject>();
        foreach (var item in page["items"]!.AsArray())
        {
            details.Add(await client.GetObjectAsync($"/api/workflow-instances/{item!["id"]!.GetValue<string>()}"));
        }

        return [.. details.OrderBy(d => d["createdAt"]!.GetValue<DateTimeOffset>())];
    }

    /// <summary>(subject, metric, percentage, created at) of every watcher instance.</summary>
    public static async Task<List<(string Subject, string Metric, int Percent, DateTimeOffset At, string Reason)>> FiringsAsync(this HttpClient client, string definitionId = WatcherId) =>
        [.. (await client.InstancesAsync(definitionId)).Select(i => (
            i["variables"]!["subjectId"]!.GetValue<string>(),
            i["variables"]!["metric"]!.GetValue<string>(),
            i["variables"]!["percentage"]!.GetValue<int>(),
            i["createdAt"]!.GetValue<DateTimeOffset>(),
            i["variables"]!["reason"]!.GetValue<string>()))];

    /// <summary>Leaves the background timer dispatcher out, so a test fires timers itself, step by step.</summary>
    public static void WithoutTimerDispatcher(IServiceCollection services)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TimerDispatcher)).ToList();
        foreach (var descriptor in hosted)
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>Runs the timer dispatcher's step (claim due timers, fire them) until nothing more is due now.</summary>
    public static async Task<int> FireDueTimersAsync(this ServerFactory factory)
    {
        var dispatcher = new TimerDispatcher(factory.Services.GetRequiredService<WorkflowRuntime>(), factory.Services.GetRequiredService<IWorkflowStore>(),
            factory.Clock, Options.Create(new DispatcherOptions()), NullLogger<TimerDispatcher>.Instance);
        var fired = 0;
        while (await dispatcher.StepAsync(ApiCalls.Token) == TimeSpan.Zero)
        {
            fired++;
        }

        return fired;
    }

    /// <summary>The SLA threshold timer rows of a subject: id suffix (metric/percent) → due.</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> SlaTimersAsync(this ServerFactory factory, string subjectId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync(ApiCalls.Token);
        var prefix = $"sla/{subjectId}/";
        var rows = await db.Timers.AsNoTracking().Where(t => t.Kind == "sla.threshold" && t.Id.StartsWith(prefix)).ToListAsync(ApiCalls.Token);
        return rows.ToDictionary(r => r.Id[prefix.Length..], r => r.DueAt);
    }

    /// <summary>Replaces a registration with <paramref name="replacement"/> (test doubles).</summary>
    public static void Replace<TService>(IServiceCollection services, TService replacement)
        where TService : class
    {
        services.RemoveAll<TService>();
        services.AddSingleton(replacement);
    }
}
