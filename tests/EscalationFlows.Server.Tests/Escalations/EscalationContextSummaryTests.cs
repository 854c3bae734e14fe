using System.Text.Json.Nodes;
using EscalationFlows.Testing;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The server wires <c>Escalations.PrepareContext</c> to the configured summarizer (<c>AddEscalationsContext</c>):
/// with <c>Ai:Model</c> and <c>Ai:Endpoint</c> the model on a fake OpenAI-compatible HTTP server writes the summary of a
/// real escalation, citing its timeline; when the model fails, the offline extractive summary is kept, with the reason.
/// </summary>
public sealed class EscalationContextSummaryTests
{
    [Fact]
    public async Task With_a_model_configured_the_summary_of_a_real_escalation_comes_from_the_model_and_cites_its_timeline()
    {
        await using var model = FakeOpenAiServer.Start();
        model.Reply = _ => FakeReply.Sentences(
            ("The client asked to escalate the CRM outage of the sales team.", ["t1"]),
            ("Restarting the CRM application servers did not help.", ["t1"]));
        await using var server = await EscalationServer.StartAsync(ModelSettings(model));

        var id = await AssignedEscalationAsync(server);

        var details = await server.GetAsync(id);
        var summary = details["summary"]!;
        Assert.Equal(("model", "test-model"), (summary["method"]!.GetValue<string>(), summary["model"]!.GetValue<string>()));
        Assert.Null(summary["fallbackReason"]);
        Assert.Equal(["The client asked to escalate the CRM outage of the sales team.", "Restarting the CRM application servers did not help."],
            summary["sentences"]!.AsArray().Select(s => s!["text"]!.GetValue<string>()));
        AssertCitesOwnHistory(details);

        // The model was asked once, for this escalation, with its timeline entries and their ids.
        var request = Assert.Single(model.Requests);
        Assert.Equal("test-model", request.Model);
        var prompt = string.Join("\n", request.Messages.Select(m => m.Content));
        Assert.Contains("t1", prompt, StringComparison.Ordinal);
        Assert.Contains("CRM unavailable for the sales team", prompt, StringComparison.Ordinal);
        Assert.Contains(details["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "context-prepared" && t["text"]!.GetValue<string>().Contains("(model, test-model)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_model_fails_the_extractive_summary_is_kept_with_the_reason()
    {
        await using var model = FakeOpenAiServer.Start();
        model.Reply = _ => FakeReply.ServerError();
        await using var server = await EscalationServer.StartAsync(ModelSettings(model));

        var id = await AssignedEscalationAsync(server);

        var details = await server.GetAsync(id);
        var summary = details["summary"]!;
        Assert.Equal(("extractive", "error"), (summary["method"]!.GetValue<string>(), summary["fallbackReason"]!.GetValue<string>()));
        Assert.NotEmpty(model.Requests);
        Assert.NotEmpty(summary["sentences"]!.AsArray());
        AssertCitesOwnHistory(details);
    }

    private static Dictionary<string, string?> ModelSettings(FakeOpenAiServer model) => new()
    {
        ["Ai:Endpoint"] = model.BaseAddress.ToString(),
        ["Ai:Model"] = "test-model",
        ["Ai:ApiKey"] = "test-key",
    };

    /// <summary>Creates the CRM escalation and confirms it in triage: assignment prepares the context.</summary>
    private static async Task<string> AssignedEscalationAsync(EscalationServer server)
    {
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("CRM unavailable for the sales team")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 1, ["category"] = "crm" });
        await server.OpenTaskAsync(id, "investigate");
        return id;
    }

    /// <summary>Every sentence cites at least one entry, and every citation is an entry of this escalation.</summary>
    private static void AssertCitesOwnHistory(JsonObject details)
    {
        var known = details["timeline"]!.AsArray().Select(t => $"t{t!["sequence"]!.GetValue<int>()}")
            .Concat(details["communications"]!.AsArray().Where(c => c!["audience"]!.GetValue<string>() == "client").Select(c => $"c{c!["sequence"]!.GetValue<int>()}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(details["summary"]!["sentences"]!.AsArray(), s =>
        {
            var citations = s!["citations"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            Assert.NotEmpty(citations);
            Assert.All(citations, c => Assert.Contains(c, known));
        });
    }
}
