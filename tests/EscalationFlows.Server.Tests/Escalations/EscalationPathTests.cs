using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The other ways through the shipped lifecycle workflows, over HTTP with real users and a real SMTP server: a request
/// that does not meet the criteria goes back to its handler with guidance; an investigation that needs exceptional
/// remediation is elevated and waits for a leadership approval; a client who never answers is reminded and the
/// escalation closes on its own — the days pass on the fake clock.
/// </summary>
public sealed class EscalationPathTests
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_request_that_meets_no_criterion_returns_to_its_handler_with_guidance_by_mail()
    {
        await using var server = await EscalationServer.StartAsync();

        // Bronze, P5 (impact 3 × urgency 3), raised by the handler's own flag (not counted by the shipped criteria), no SLA risk.
        var request = EscalationServer.Request("Printer queue slow on floor 3", triggerReason: "manual-flag", tier: "bronze", impact: 3, urgency: 3);
        request["flagReason"] = "Customer keeps calling";
        var created = await server.CreateAsync(server.Agent, request);
        var id = created["escalation"]!["id"]!.GetValue<string>();

        var details = await server.GetAsync(id);
        var record = details["escalation"]!;
        Assert.Equal("ReturnedToHandler", record["stage"]!.GetValue<string>());
        Assert.Empty(details["openTasks"]!.AsArray());
        Assert.Empty(details["workflow"]!["current"]!.AsArray());

        var timeline = details["timeline"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var evaluated = timeline.Single(t => t["kind"]!.GetValue<string>() == "criteria-evaluated");
        Assert.All(evaluated["details"]!["results"]!.AsArray(), r => Assert.False(r!["matched"]!.GetValue<bool>(), $"{r} matched"));
        var guidance = timeline.Single(t => t["kind"]!.GetValue<string>() == "guidance");
        Assert.StartsWith("Guidance for the handler:", guidance["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ReturnedToHandler", timeline.Last(t => t["kind"]!.GetValue<string>() == "stage-changed")["details"]!["to"]!.GetValue<string>());

        // The handler (the agent who raised it) is told why, by mail and in the communications log.
        var communications = details["communications"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Contains(communications, c => c["audience"]!.GetValue<string>() == "handler" && c["channel"]!.GetValue<string>() == "email");
        await server.DeliverMailAsync();
        var mail = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001 not escalated: guidance for Printer queue slow on floor 3", MailWait);
        Assert.Equal(["agent@support.example.test"], mail.EnvelopeTo);
        Assert.Contains("was not escalated", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains(guidance["text"]!.GetValue<string>()["Guidance for the handler: ".Length..], mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("sent", (await server.GetAsync(id))["communications"]!.AsArray().Single(c => c!["audience"]!.GetValue<string>() == "handler")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exceptional_remediation_elevates_the_escalation_and_waits_for_a_leadership_approval()
    {
        await using var server = await EscalationServer.StartAsync();
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("CRM data corrupted for a gold client")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        Assert.Equal(server.UserIds["resolver"], (await server.GetAsync(id))["escalation"]!["ownerId"]!.GetValue<string>());

        // The resolver asks for more authority: restoring from last night's backup loses a day of the client's data.
        await server.CompleteAsync(server.Resolver, id, "investigate", "Elevate", new JsonObject
        {
            ["plan"] = "Restore the CRM database from last night's backup",
            ["exceptional"] = true,
            ["exceptionalReason"] = "The client loses a day of data; needs a credit note.",
        });

        var elevated = await server.GetAsync(id);
        var record = elevated["escalation"]!;
        Assert.Equal(2, record["elevationLevel"]!.GetValue<int>());
        var approval = await server.OpenTaskAsync(id, "approval");
        Assert.Equal("leadership", approval["candidateRole"]!.GetValue<string>());
        Assert.StartsWith("Approve exceptional remediation for ESC-000001", approval["title"]!.GetValue<string>(), StringComparison.Ordinal);

        // Leadership hears of the elevation by mail.
        await server.DeliverMailAsync();
        var leadershipMail = await server.Smtp.WaitForAsync(m => m.Message.Subject?.StartsWith("ESC-000001 elevated to", StringComparison.Ordinal) == true, MailWait);
        Assert.Contains("leader@support.example.test", leadershipMail.EnvelopeTo);
        Assert.Contains("The resolution team asked for more authority: Restore the CRM database from last night's backup", leadershipMail.Message.TextBody, StringComparison.Ordinal);

        // Only leadership may decide: the resolver is refused, the leader approves.
        var refused = await server.Resolver.CompleteAsync(approval["id"]!.GetValue<string>(), "Approve", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("approval", (await server.OpenTaskAsync(id, "approval"))["activityId"]!.GetValue<string>());
        await server.CompleteAsync(server.Leader, id, "approval", "Approve", new JsonObject { ["note"] = "Credit note approved." });

        // Re-assigned at the new level: the senior specialist investigates.
        var after = await server.GetAsync(id);
        var timeline = after["timeline"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var approved = timeline.Single(t => t["text"]!.GetValue<string>() == "Leadership approved the exceptional remediation: Credit note approved.");
        Assert.Equal("leader", timeline.First(t => t["kind"]!.GetValue<string>() == "task-completed" && t["text"]!.GetValue<string>().Contains("Approve exceptional", StringComparison.Ordinal))["actor"]!.GetValue<string>());
        Assert.NotNull(approved);
        Assert.Contains(timeline, t => t["kind"]!.GetValue<string>() == "elevated");
        Assert.Equal("Senior specialists", after["escalation"]!["resolutionTeam"]!.GetValue<string>());
        Assert.Equal(server.UserIds["senior"], after["escalation"]!["ownerId"]!.GetValue<string>());
        Assert.Equal(server.UserIds["senior"], (await server.OpenTaskAsync(id, "investigate"))["assigneeId"]!.GetValue<string>());
        Assert.Equal("Investigation", after["escalation"]!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_leadership_declines_the_exceptional_remediation_the_senior_specialist_looks_for_a_standard_fix()
    {
        await using var server = await EscalationServer.StartAsync();
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("CRM data corrupted for a gold client")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        await server.CompleteAsync(server.Resolver, id, "investigate", "Elevate", new JsonObject
        {
            ["plan"] = "Restore the CRM database from last night's backup",
            ["exceptional"] = true,
            ["exceptionalReason"] = "The client loses a day of data.",
        });

        await server.CompleteAsync(server.Leader, id, "approval", "Reject", new JsonObject { ["note"] = "Too costly." });

        var after = await server.GetAsync(id);
        Assert.Contains(after["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Leadership declined the exceptional remediation: Too costly; the team looks for a standard fix.");
        Assert.Equal(server.UserIds["senior"], (await server.OpenTaskAsync(id, "investigate"))["assigneeId"]!.GetValue<string>());
        Assert.Equal(2, after["escalation"]!["elevationLevel"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_an_answer_the_client_is_reminded_after_three_days_and_the_escalation_closes_after_six()
    {
        await using var server = await EscalationServer.StartAsync();
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("Invoices not generated")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        await server.CompleteAsync(server.Resolver, id, "investigate", "PlanReady", new JsonObject { ["plan"] = "Restart the invoice job" });
        await server.CompleteAsync(server.Resolver, id, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = "Restarted the invoice job; invoices are out." });
        Assert.Equal("AwaitingClient", (await server.GetAsync(id))["escalation"]!["stage"]!.GetValue<string>());
        await server.DeliverMailAsync();
        await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001: is your problem resolved?", MailWait);

        // Two days: nothing yet.
        await server.AdvanceAsync(TimeSpan.FromDays(2));
        await server.DeliverMailAsync();
        Assert.DoesNotContain(server.Smtp.Messages, m => m.Message.Subject?.StartsWith("Reminder:", StringComparison.Ordinal) == true);
        Assert.Equal("AwaitingClient", (await server.GetAsync(id))["escalation"]!["stage"]!.GetValue<string>());

        // Day three: one reminder, with the same link; still waiting.
        await server.AdvanceAsync(TimeSpan.FromDays(1));
        await server.DeliverMailAsync();
        var reminder = await server.Smtp.WaitForAsync(m => m.Message.Subject == "Reminder: ESC-000001 — is your problem resolved?", MailWait);
        Assert.Equal([EscalationServer.ClientEmail], reminder.EnvelopeTo);
        EscalationServer.LinkIn(reminder);
        var waiting = await server.GetAsync(id);
        Assert.Equal("AwaitingClient", waiting["escalation"]!["stage"]!.GetValue<string>());
        Assert.Single(waiting["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "confirmation-reminded");
        Assert.Equal(EscalationServer.LinkIn(reminder).Path, EscalationServer.LinkIn(await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001: is your problem resolved?", MailWait)).Path);

        // Day six: auto-closed without an answer; the closure review is the manager's.
        await server.AdvanceAsync(TimeSpan.FromDays(3));
        var timedOut = await server.GetAsync(id);
        Assert.Single(timedOut["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "confirmation-timed-out");
        Assert.Equal(("Closure", "timed-out"), (timedOut["escalation"]!["stage"]!.GetValue<string>(), timedOut["escalation"]!["clientConfirmation"]!.GetValue<string>()));
        Assert.Equal(1, server.Smtp.Messages.Count(m => m.Message.Subject?.StartsWith("Reminder:", StringComparison.Ordinal) == true));
        var (_, path) = EscalationServer.LinkIn(reminder);
        await (await server.Anonymous.PostJsonAsync(path.Replace("/client?", "/client/confirm?", StringComparison.Ordinal), new JsonObject())).AssertProblemAsync(HttpStatusCode.Gone, "client-link-revoked");

        await server.CompleteAsync(server.Manager, id, "review", "Done", new JsonObject { ["rootCauseCategory"] = "software-defect" });
        var closed = (await server.GetAsync(id))["escalation"]!;
        Assert.Equal(("Closed", "timed-out"), (closed["stage"]!.GetValue<string>(), closed["clientConfirmation"]!.GetValue<string>()));
    }
}
