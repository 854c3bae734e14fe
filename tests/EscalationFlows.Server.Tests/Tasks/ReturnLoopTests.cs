using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Tasks;

/// <summary>Two sequential human tasks where the second can return the work to the first, run end to end through the API by two people.</summary>
public sealed class ReturnLoopTests
{
    [Fact]
    public async Task Prepare_then_approve_with_a_return_loops_back_and_finishes_on_approve()
    {
        await using var factory = new ServerFactory();
        await factory.EnsureTeamAsync("Network");
        await factory.CreateUserAsync("preparer@example.com", ["agent"], "Network");
        await factory.CreateUserAsync("approver@example.com", ["escalation-manager"]);
        using var admin = factory.CreateClient();
        var id = Ids.New("loop");
        var form = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["summary"] = new JsonObject { ["type"] = "string", ["minLength"] = 3 } },
                ["required"] = new JsonArray("summary"),
            },
        };
        var flow = new Flow(id)
            .Variable("plan")
            .Variable("decision")
            .Outputs([new JsonObject { ["name"] = "plan" }, new JsonObject { ["name"] = "decision" }])
            .Add("start", "Start")
            .Add("prepare", "HumanTask", new JsonObject { ["outputs"] = new JsonObject { ["data"] = "plan" } },
                Template("title", "Prepare the change"), Literal("candidateTeam", "Network"), Literal("form", form))
            .Add("approve", "HumanTask", new JsonObject { ["outputs"] = new JsonObject { ["outcome"] = "decision" } },
                Template("title", "Approve: {{ vars.plan.summary }}"), Literal("candidateRole", "escalation-manager"), Literal("outcomes", new JsonArray("Approve", "Return")),
                Js("context", "({ plan: vars.plan })"))
            .Add("end", "End")
            .Connect("start", "prepare")
            .Connect("prepare", "approve")
            .Connect("approve", "prepare", "Return")
            .Connect("approve", "end", "Approve");
        await admin.PublishAsync(flow);
        using var preparer = await factory.SignInAsync("preparer@example.com");
        using var approver = await factory.SignInAsync("approver@example.com");
        var instanceId = (await admin.StartAsync(id))["id"]!.GetValue<string>();

        var first = await NextTaskAsync(preparer);
        await (await preparer.PostEmptyAsync($"/api/tasks/{first}/claim")).ReadObjectAsync();
        await (await preparer.CompleteAsync(first, "Done", new JsonObject { ["summary"] = "version 1" })).ReadObjectAsync();

        var review = await NextTaskAsync(approver);
        var reviewTask = await approver.GetTaskAsync(review);
        Assert.Equal("Approve: version 1", reviewTask["title"]!.GetValue<string>());
        Assert.Equal("version 1", reviewTask["context"]!["plan"]!["summary"]!.GetValue<string>());
        await (await approver.CompleteAsync(review, "Return")).ReadObjectAsync();

        var second = await NextTaskAsync(preparer);
        Assert.NotEqual(first, second);
        await (await preparer.CompleteAsync(second, "Done", new JsonObject { ["summary"] = "version 2" })).ReadObjectAsync();
        var finalReview = await NextTaskAsync(approver);
        Assert.Equal("Approve: version 2", (await approver.GetTaskAsync(finalReview))["title"]!.GetValue<string>());
        await (await approver.CompleteAsync(finalReview, "Approve")).ReadObjectAsync();

        var instance = await admin.GetObjectAsync($"/api/workflow-instances/{instanceId}");
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        Assert.Equal("version 2", instance["output"]!["plan"]!["summary"]!.GetValue<string>());
        Assert.Equal("Approve", instance["output"]!["decision"]!.GetValue<string>());
        Assert.Equal(2, instance["activities"]!["prepare"]!["runs"]!.GetValue<int>());
        Assert.Empty((await preparer.GetObjectAsync("/api/tasks")).Ids());
        Assert.Equal(2, (await preparer.GetObjectAsync("/api/tasks?assignee=me&status=completed")).Ids().Count);
    }

    private static async Task<string> NextTaskAsync(HttpClient worker)
    {
        var inbox = await worker.GetObjectAsync("/api/tasks");
        return Assert.Single(inbox.Ids());
    }
}
