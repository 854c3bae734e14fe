using System.Text.Json.Nodes;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>
/// One server with a signed-in user per role (agents and resolvers in team Network), another Network agent whose tasks
/// are "someone else's", two published task workflows: one queued for Network, one assigned to whoever the input names; and the shipped
/// escalation workflows (imported at start).
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public const string QueueFlow = "matrix-queue";
    public const string AssignedFlow = "matrix-assigned";
    public const string OtherUser = "other@matrix.example";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public ServerFactory Factory { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public static string EmailOf(string role) => $"{role}@matrix.example";

    /// <summary>A client signed in as the user holding <paramref name="role"/>, or one without credentials for "anonymous".</summary>
    public HttpClient ClientFor(string role) => _clients[role];

    public async ValueTask InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(EscalationFlows.Testing.RepositoryPaths.Workflows, "escalation-*.json"))
        {
            File.Copy(file, Path.Combine(Factory.ImportFolder, Path.GetFileName(file)));
        }

        Admin = Factory.CreateClient();
        await Factory.EnsureTeamAsync("Network");
        await Factory.EnsureTeamAsync("Billing");
        await Factory.CreateUserAsync(OtherUser, [Roles.Agent], "Network");
        foreach (var role in Roles.All)
        {
            string[] teams = role is Roles.Agent or Roles.Resolver ? ["Network"] : [];
            await Factory.CreateUserAsync(EmailOf(role), [role], teams);
            _clients[role] = await Factory.SignInAsync(EmailOf(role));
        }

        _clients["anonymous"] = Factory.CreateAnonymousClient();
        await Admin.PublishAsync(new Flow(QueueFlow)
            .Add("start", "Start")
            .Add("task", "HumanTask", Template("title", "Queued"), Literal("candidateTeam", "Network"), Literal("candidateRole", "nobody-holds-this"))
            .Add("end", "End")
            .Chain("start", "task", "end"));
        await Admin.PublishAsync(new Flow(AssignedFlow)
            .Inputs([new JsonObject { ["name"] = "who", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("task", "HumanTask", Template("title", "Assigned"), Js("assignee", "input.who"), Literal("candidateTeam", "Network"))
            .Add("end", "End")
            .Chain("start", "task", "end"));
    }

    /// <summary>Starts one of the two task workflows and returns the id of its task.</summary>
    public async Task<string> NewTaskAsync(string? assignee = null)
    {
        var run = assignee is null ? await Admin.StartAsync(QueueFlow) : await Admin.StartAsync(AssignedFlow, new JsonObject { ["who"] = assignee });
        return run["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}
