using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// GET /api/live tells readers of escalations when one changes: after the workflow step that wrote it (opened by the
/// trigger), and after a flag or elevation through the API, which are outside any workflow step. An agent, who may
/// read escalations but not instances, hears the escalation and never the instances behind it.
/// </summary>
public sealed class EscalationLiveTests
{
    [Fact]
    public async Task An_agent_hears_of_an_escalation_opened_flagged_and_elevated_but_not_of_its_instances()
    {
        await using var server = await EscalationServer.StartAsync();
        await using (var opening = await LiveStream.OpenAsync(server.Agent))
        {
            var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("Exports time out")))["escalation"]!["id"]!.GetValue<string>();
            var (_, before) = await opening.NextChangeAsync("escalation", id, "changed");
            Assert.DoesNotContain(before, c => c["type"]!.GetValue<string>() == "instance");

            // Once the lifecycle waits in triage, nothing else is moving: the next escalation change on a new stream is the flag.
            await server.OpenTaskAsync(id, "triage");
            await using var flagging = await LiveStream.OpenAsync(server.Agent);
            await (await server.Agent.PostJsonAsync($"/api/escalations/{id}/flag", new JsonObject { ["reason"] = "The client called twice" })).ReadObjectAsync();
            Assert.Equal(new JsonObject { ["type"] = "escalation", ["id"] = id, ["status"] = "changed" }.ToJsonString(), (await NextEscalationChangeAsync(flagging)).ToJsonString());

            await (await server.Leader.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = "Board-level client" })).ReadObjectAsync();
            Assert.Equal(id, (await NextEscalationChangeAsync(flagging))["id"]!.GetValue<string>());
        }
    }

    /// <summary>The next change, which must concern an escalation (a task change the agent may see is skipped, an instance change fails).</summary>
    private static async Task<JsonObject> NextEscalationChangeAsync(LiveStream live)
    {
        while (true)
        {
            var change = await live.NextChangeAsync();
            Assert.NotEqual("instance", change["type"]!.GetValue<string>());
            if (change["type"]!.GetValue<string>() == "escalation")
            {
                return change;
            }
        }
    }
}
