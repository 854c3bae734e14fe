using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The real server with the shipped lifecycle workflows (workflows/*.json imported at start), a real SMTP server for
/// its mail, and a cast: an agent (the handler), an escalation manager, two resolvers in Applications, a senior
/// specialist, and a leader and an admin, all users made through the API. Mail is delivered by running the outbox step (the dispatcher waits on the fake clock).
/// </summary>
public sealed partial class EscalationServer : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://support.example.test";
    public const string ClientEmail = "it-lead@acme.example";

    private EscalationServer(SmtpTestServer smtp, ServerFactory factory)
    {
        Smtp = smtp;
        Factory = factory;
    }

    public SmtpTestServer Smtp { get; }

    public ServerFactory Factory { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Agent { get; private set; } = null!;

    public HttpClient Manager { get; private set; } = null!;

    public HttpClient Resolver { get; private set; } = null!;

    public HttpClient Leader { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public Dictionary<string, string> UserIds { get; } = new(StringComparer.Ordinal);

    public static async Task<EscalationServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var smtp = await SmtpTestServer.StartAsync(ApiCalls.Token);
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:From"] = "Acme support <escalations@support.example.test>",
            ["Auth:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new ServerFactory(all, services);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Workflows, "escalation-*.json"))
        {
            File.Copy(file, Path.Combine(factory.ImportFolder, Path.GetFileName(file)));
        }

        var server = new EscalationServer(smtp, factory);
        await server.CastAsync();
        return server;
    }

    /// <summary>Runs the outbox until nothing is left: mail goes to the SMTP test server.</summary>
    public async Task DeliverMailAsync()
    {
        var runtime = Factory.Services.GetRequiredService<WorkflowRuntime>();
        while (await runtime.ProcessOutboxAsync(cancellationToken: ApiCalls.Token) > 0)
        {
        }
    }

    /// <summary>
    /// Moves the fake clock on and runs every timer that fell due (reminders, auto-close, SLA thresholds) until none is
    /// left. The users sign in again: their sessions expire over days like anyone's.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Factory.Clock.Advance(by);
        var runtime = Factory.Services.GetRequiredService<WorkflowRuntime>();
        while (await runtime.ProcessDueTimersAsync(ApiCalls.Token) > 0)
        {
        }

        foreach (var client in new[] { Admin, Agent, Manager, Resolver, Leader })
        {
            client.Dispose();
        }

        await SignInAllAsync();
    }

    public async Task<JsonObject> CreateAsync(HttpClient client, JsonObject body, string? idempotencyKey = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostJsonAsync("/api/escalations", body, idempotencyKey)).ReadObjectAsync(expected);

    public async Task<JsonObject> GetAsync(string escalationId) => await Admin.GetObjectAsync($"/api/escalations/{escalationId}");

    /// <summary>The one open task of the escalation whose activity is <paramref name="activityId"/>.</summary>
    public async Task<JsonObject> OpenTaskAsync(string escalationId, string activityId)
    {
        var details = await GetAsync(escalationId);
        var tasks = details["openTasks"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var task = tasks.SingleOrDefault(t => t["activityId"]!.GetValue<string>() == activityId);
        Assert.True(task is not null, $"No open task at '{activityId}'; open: {string.Join(", ", tasks.Select(t => t["activityId"]))}; stage {details["escalation"]!["stage"]}; workflow {details["workflow"]}");
        return task!;
    }

    public async Task CompleteAsync(HttpClient client, string escalationId, string activityId, string outcome, JsonObject? data = null)
    {
        var task = await OpenTaskAsync(escalationId, activityId);
        await (await client.CompleteAsync(task["id"]!.GetValue<string>(), outcome, data)).ReadObjectAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// The confirmation link in a mail's text (the studio's client page on the public address) and the API path behind
    /// it (<c>/api</c> + the page's path and token), which the tests call as the page would.
    /// </summary>
    public static (string Url, string Path) LinkIn(ReceivedMail mail)
    {
        var text = mail.Message.TextBody ?? string.Empty;
        var match = LinkPattern().Match(text);
        Assert.True(match.Success, $"No client link in the mail '{mail.Message.Subject}': {text}");
        return (match.Value, "/api" + match.Value[PublicBaseUrl.Length..]);
    }

    /// <summary>A minimal escalation request for the client Acme.</summary>
    public static JsonObject Request(string title, string triggerReason = "client-request", string tier = "gold", int impact = 2, int urgency = 2) => new()
    {
        ["title"] = title,
        ["client"] = "Acme",
        ["clientEmail"] = ClientEmail,
        ["clientContact"] = "Jo Lee",
        ["tier"] = tier,
        ["category"] = "crm",
        ["impact"] = impact,
        ["urgency"] = urgency,
        ["triggerReason"] = triggerReason,
        ["description"] = "Sales staff cannot open customer records since this morning's release.",
        ["stakeholders"] = new JsonArray("cto@acme.example"),
        ["priorAttempts"] = new JsonArray("Restarted the CRM application servers"),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Agent, Manager, Resolver, Leader, Anonymous })
        {
            client?.Dispose();
        }

        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private async Task CastAsync()
    {
        // Teams and users are made through the API with the factory's admin API key; every actor after that is a signed-in user.
        foreach (var (team, skills) in new[] { ("Applications", new[] { "crm", "erp" }), ("Network", new[] { "vpn" }), ("Billing", new[] { "invoices" }), ("Senior specialists", new[] { "crm" }), ("Operations leadership", Array.Empty<string>()) })
        {
            await Factory.EnsureTeamAsync(team, skills);
        }

        UserIds["admin"] = await Factory.CreateUserAsync("admin@support.example.test", [Roles.Admin]);
        UserIds["agent"] = await Factory.CreateUserAsync("agent@support.example.test", [Roles.Agent], "Network");
        UserIds["manager"] = await Factory.CreateUserAsync("manager@support.example.test", [Roles.EscalationManager]);
        UserIds["resolver"] = await Factory.CreateUserAsync("resolver@support.example.test", [Roles.Resolver], "Applications");
        UserIds["senior"] = await Factory.CreateUserAsync("senior@support.example.test", [Roles.Resolver], "Senior specialists");
        UserIds["leader"] = await Factory.CreateUserAsync("leader@support.example.test", [Roles.Leadership]);
        Anonymous = Factory.CreateAnonymousClient();
        await SignInAllAsync();
    }

    private async Task SignInAllAsync()
    {
        Admin = await Factory.SignInAsync("admin@support.example.test");
        Agent = await Factory.SignInAsync("agent@support.example.test");
        Manager = await Factory.SignInAsync("manager@support.example.test");
        Resolver = await Factory.SignInAsync("resolver@support.example.test");
        Leader = await Factory.SignInAsync("leader@support.example.test");
    }

    [GeneratedRegex(@"https://support\.example\.test/escalations/[^\s]+")]
    private static partial Regex LinkPattern();
}
