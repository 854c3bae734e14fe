using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The whole lifecycle over HTTP with real users of each role, the shipped workflows and a real SMTP server: an agent
/// raises it, an escalation manager triages, round-robin names a resolver, who investigates and fixes; the client
/// rejects the fix through the signed link, the lifecycle loops back, the client confirms, the manager writes the
/// review, and the escalation is Closed with every step on the timeline and an owner for every stage.
/// </summary>
public sealed class EscalationLifecycleTests
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_escalation_goes_from_request_to_closed_with_a_rejected_fix_a_loop_back_and_a_confirmation()
    {
        await using var server = await EscalationServer.StartAsync();
        var request = EscalationServer.Request("CRM unavailable for the sales team");

        // 1. The agent (the handler) raises it at the client's request; a repeat with the same key is the same escalation.
        var created = await server.CreateAsync(server.Agent, request, idempotencyKey: "crm-outage-1");
        var escalation = created["escalation"]!;
        var id = escalation["id"]!.GetValue<string>();
        Assert.Equal("ESC-000001", escalation["number"]!.GetValue<string>());
        Assert.Equal("Triage", escalation["stage"]!.GetValue<string>());
        Assert.Equal(server.UserIds["agent"], escalation["handler"]!.GetValue<string>());
        var again = await (await server.Agent.PostJsonAsync("/api/escalations", request, "crm-outage-1")).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(id, again["escalation"]!["id"]!.GetValue<string>());

        // 2. Triage: the escalation manager confirms and raises the urgency; ITIL 2 × 1 → P2 High, routed to Applications.
        var triage = await server.OpenTaskAsync(id, "triage");
        Assert.Equal("escalation-manager", triage["candidateRole"]!.GetValue<string>());
        Assert.StartsWith("Triage ESC-000001: CRM unavailable", triage["title"]!.GetValue<string>(), StringComparison.Ordinal);
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 1, ["category"] = "crm", ["note"] = "All sales staff blocked." });

        // 3. Assignment: round-robin in Applications names the resolver, who gets the investigation with a cited context summary.
        var assigned = (await server.GetAsync(id))["escalation"]!;
        Assert.Equal(("Investigation", 2, "High", "Applications", "L2"), (assigned["stage"]!.GetValue<string>(), assigned["priority"]!.GetValue<int>(),
            assigned["severity"]!.GetValue<string>(), assigned["resolutionTeam"]!.GetValue<string>(), assigned["authorityLevel"]!.GetValue<string>()));
        Assert.Equal(server.UserIds["resolver"], assigned["ownerId"]!.GetValue<string>());
        Assert.Contains("round-robin in Applications", assigned["ownerReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var investigate = await server.OpenTaskAsync(id, "investigate");
        Assert.Equal(server.UserIds["resolver"], investigate["assigneeId"]!.GetValue<string>());
        var summary = (await server.GetAsync(id))["summary"]!;
        Assert.NotEmpty(summary["sentences"]!.AsArray());
        Assert.All(summary["sentences"]!.AsArray(), s => Assert.NotEmpty(s!["citations"]!.AsArray()));

        await server.CompleteAsync(server.Resolver, id, "investigate", "PlanReady", new JsonObject { ["rootCauseHypothesis"] = "Release 5.2 broke the record view", ["plan"] = "Roll back release 5.2" });
        await server.CompleteAsync(server.Resolver, id, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = "Rolled back release 5.2 on all CRM servers." });

        // 4. The client is asked by mail through a signed link (real SMTP), and rejects the fix.
        await server.DeliverMailAsync();
        var ask = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001: is your problem resolved?", MailWait);
        Assert.Equal([EscalationServer.ClientEmail], ask.EnvelopeTo);
        Assert.Contains("Rolled back release 5.2 on all CRM servers.", ask.Message.TextBody, StringComparison.Ordinal);
        var (url, path) = EscalationServer.LinkIn(ask);
        Assert.StartsWith($"{EscalationServer.PublicBaseUrl}/escalations/{id}/client?token=", url, StringComparison.Ordinal);
        Assert.Equal($"{ask.MessageId}", $"{ask.Message.Headers["X-EscalationFlows-Message-Id"]}@escalationflows");

        var page = await server.Anonymous.GetObjectAsync(path);
        Assert.Equal("ESC-000001", page["number"]!.GetValue<string>());
        Assert.Equal("We believe the problem is resolved and are waiting for you to confirm.", page["status"]!.GetValue<string>());
        Assert.NotNull(page["question"]);
        Assert.Contains(page["messages"]!.AsArray(), m => m!["channel"]!.GetValue<string>() == "in-app" && m["body"]!.GetValue<string>().Contains("Rolled back", StringComparison.Ordinal));
        var rejectPath = path.Replace("/client?", "/client/reject?", StringComparison.Ordinal);
        await (await server.Anonymous.PostJsonAsync(rejectPath, new JsonObject { ["comment"] = "Still failing for the EU sales team." })).ReadObjectAsync(HttpStatusCode.OK);
        await (await server.Anonymous.PostJsonAsync(rejectPath, new JsonObject { ["comment"] = "again" })).AssertProblemAsync(HttpStatusCode.Gone, "client-link-used");

        // 5. Loop back: the same owner investigates again, with the client's words in the context.
        var looped = (await server.GetAsync(id))["escalation"]!;
        Assert.Equal(("Investigation", 1, 1, "Still failing for the EU sales team."), (looped["stage"]!.GetValue<string>(), looped["loopBackCount"]!.GetValue<int>(),
            looped["reopenCount"]!.GetValue<int>(), looped["clientComment"]!.GetValue<string>()));
        Assert.Equal(server.UserIds["resolver"], (await server.OpenTaskAsync(id, "investigate"))["assigneeId"]!.GetValue<string>());
        await server.CompleteAsync(server.Resolver, id, "investigate", "PlanReady", new JsonObject { ["plan"] = "Fix the EU locale in the record view" });
        await server.CompleteAsync(server.Resolver, id, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = "Patched the EU locale of the record view." });

        // 6. The client confirms through the second link.
        await server.DeliverMailAsync();
        var second = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001: is your problem resolved?" && m.MessageId != ask.MessageId, MailWait);
        var (_, secondPath) = EscalationServer.LinkIn(second);
        Assert.NotEqual(path, secondPath);
        await (await server.Anonymous.PostJsonAsync(path.Replace("/client?", "/client/confirm?", StringComparison.Ordinal), new JsonObject())).AssertProblemAsync(HttpStatusCode.Gone);
        await (await server.Anonymous.PostJsonAsync(secondPath.Replace("/client?", "/client/confirm?", StringComparison.Ordinal), new JsonObject { ["comment"] = "Works now, thanks." }))
            .ReadObjectAsync(HttpStatusCode.OK);

        // 7. Closure: the manager writes the review; the escalation is closed and the stakeholders hear.
        Assert.Equal("Closure", (await server.GetAsync(id))["escalation"]!["stage"]!.GetValue<string>());
        await server.CompleteAsync(server.Manager, id, "review", "Done", new JsonObject
        {
            ["rootCauseCategory"] = "software-defect",
            ["preventiveActions"] = new JsonArray("Add an EU locale test to the release pipeline", "Canary releases for the CRM"),
            ["processChanges"] = "Release notes must name the locales tested.",
        });

        var closed = await server.GetAsync(id);
        var record = closed["escalation"]!;
        Assert.Equal(("Closed", "software-defect", "confirmed", 1, 1), (record["stage"]!.GetValue<string>(), record["rootCauseCategory"]!.GetValue<string>(),
            record["clientConfirmation"]!.GetValue<string>(), record["loopBackCount"]!.GetValue<int>(), record["reopenCount"]!.GetValue<int>()));
        Assert.NotNull(record["closedAt"]);
        Assert.Equal(2, record["preventiveActions"]!.AsArray().Count);
        Assert.Empty(closed["openTasks"]!.AsArray());
        Assert.Empty(closed["workflow"]!["current"]!.AsArray());

        // Every stage has a named owner (a user), with when and why.
        var owners = closed["owners"]!.AsArray().ToDictionary(o => o!["stage"]!.GetValue<string>(), o => o!);
        Assert.Equal(["Triage", "Assignment", "Investigation", "Resolution", "AwaitingClient", "Closure", "Closed"], owners.Keys);
        Assert.All(owners.Values, o =>
        {
            Assert.False(string.IsNullOrEmpty(o["ownerId"]?.GetValue<string>()), $"{o["stage"]} has no named owner: {o}");
            Assert.False(string.IsNullOrEmpty(o["reason"]!.GetValue<string>()));
        });
        Assert.Equal(server.UserIds["manager"], owners["Triage"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["resolver"], owners["Assignment"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["resolver"], owners["Investigation"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["resolver"], owners["Resolution"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["resolver"], owners["AwaitingClient"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["manager"], owners["Closure"]["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["manager"], owners["Closed"]["ownerId"]!.GetValue<string>());

        // The timeline shows every step with its actor.
        var timeline = closed["timeline"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(t => t["sequence"]!.GetValue<int>()));
        string ActorOf(string kind, string? textPart = null) =>
            timeline.First(t => t["kind"]!.GetValue<string>() == kind && (textPart is null || t["text"]!.GetValue<string>().Contains(textPart, StringComparison.Ordinal)))["actor"]!.GetValue<string>();
        Assert.Equal("agent", ActorOf("opened"));
        Assert.Equal("manager", ActorOf("task-completed", "Triage ESC-000001"));
        Assert.Equal("resolver", ActorOf("task-completed", "Investigate ESC-000001"));
        Assert.Equal("resolver", ActorOf("task-completed", "Implement the fix"));
        Assert.Equal("client", ActorOf("client-answer", "not resolved"));
        Assert.Equal("client", ActorOf("client-answer", "confirmed"));
        Assert.Equal("manager", ActorOf("reviewed"));
        foreach (var kind in new[] { "criteria-evaluated", "classified", "routed", "assigned", "context-prepared", "confirmation-requested", "message-sent", "note" })
        {
            Assert.Contains(timeline, t => t["kind"]!.GetValue<string>() == kind);
        }

        Assert.Equal(["Triage", "Assignment", "Investigation", "Resolution", "AwaitingClient", "Investigation", "Resolution", "AwaitingClient", "Closure", "Closed"],
            timeline.Where(t => t["kind"]!.GetValue<string>() == "stage-changed").Select(t => t["details"]!["to"]!.GetValue<string>()).Prepend("Triage"));
        Assert.All(timeline, t => Assert.False(string.IsNullOrEmpty(t["source"]!.GetValue<string>())));

        // Communications: every message with its channel, status and outbox message id; the mails were sent.
        await server.DeliverMailAsync();
        var communications = (await server.GetAsync(id))["communications"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var toClient = communications.Where(c => c["audience"]!.GetValue<string>() == "client" && c["direction"]!.GetValue<string>() == "outbound").ToList();
        Assert.Equal(["in-app", "email", "in-app", "email"], toClient.Select(c => c["channel"]!.GetValue<string>()));
        Assert.All(toClient.Where(c => c["channel"]!.GetValue<string>() == "email"), c =>
        {
            Assert.Equal("sent", c["status"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(c["outboxMessageId"]!.GetValue<string>()));
        });
        Assert.Equal(2, communications.Count(c => c["direction"]!.GetValue<string>() == "inbound"));
        Assert.Contains(communications, c => c["audience"]!.GetValue<string>() == "owner" && c["subject"]!.GetValue<string>() == "ESC-000001 is yours: CRM unavailable for the sales team");

        // The summary PrepareContext wrote (at the second investigation) cites, in every sentence, entries of this escalation's
        // history: timeline entries (t{sequence}) or client messages of its communications log (c{sequence}).
        var finalSummary = (await server.GetAsync(id))["summary"]!;
        var known = timeline.Select(t => $"t{t["sequence"]!.GetValue<int>()}")
            .Concat(communications.Where(c => c["audience"]!.GetValue<string>() == "client").Select(c => $"c{c["sequence"]!.GetValue<int>()}"))
            .ToHashSet(StringComparer.Ordinal);
        var sentences = finalSummary["sentences"]!.AsArray();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s =>
        {
            var citations = s!["citations"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            Assert.NotEmpty(citations);
            Assert.All(citations, c => Assert.True(known.Contains(c), $"'{s["text"]}' cites {c}, which is not an entry of {id}"));
        });
        Assert.Contains(sentences, s => s!["citations"]!.AsArray().Any(c => c!.GetValue<string>().StartsWith('t')));

        var closing = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001 closed: CRM unavailable for the sales team", MailWait);
        Assert.Contains("cto@acme.example", closing.EnvelopeTo);
        Assert.Contains("agent@support.example.test", closing.EnvelopeTo);
        Assert.Contains("Root cause: software-defect", closing.Message.TextBody, StringComparison.Ordinal);
        var ownerMail = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001 is yours: CRM unavailable for the sales team", MailWait);
        Assert.Equal(["resolver@support.example.test"], ownerMail.EnvelopeTo);

        // The escalation's own SLA was paused while the client was asked, and stopped at closure.
        var resolution = closed["sla"]!.AsArray().Single(s => s!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Contains(resolution["status"]!.GetValue<string>(), new[] { "met", "breached" });
    }
}
