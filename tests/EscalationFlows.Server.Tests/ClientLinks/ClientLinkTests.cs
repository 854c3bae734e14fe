using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.ClientLinks;

/// <summary>Client links: signed, expiring, single-purpose, single-use, revocable, checked before any input is read.</summary>
public sealed class ClientLinkTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new();
    private HttpClient _admin = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _factory.CreateClient();
        _client = _factory.CreateAnonymousClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>Starts a workflow whose task is for the client; returns (instance id, task id, token from the task's output).</summary>
    private async Task<(string InstanceId, string TaskId, string Token)> StartClientTaskAsync()
    {
        var id = Ids.New("client");
        var (instanceId, taskId) = await _admin.StartTaskAsync(HumanTaskFlows.Single(id, Literal("candidateRole", "client"), Literal("form", HumanTaskFlows.ContactForm()),
            Template("description", "Please confirm the fix works for you.")), id);
        var instance = await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}");
        var link = instance["variables"]!["link"]!;
        Assert.Equal($"/client/{link["token"]!.GetValue<string>()}", link["url"]!.GetValue<string>());
        Assert.Equal($"/api/client/{link["token"]!.GetValue<string>()}", link["apiPath"]!.GetValue<string>());
        Assert.Equal(taskId, link["subjectId"]!.GetValue<string>());
        return (instanceId, taskId, link["token"]!.GetValue<string>());
    }

    private static JsonObject Answer() => new()
    {
        ["outcome"] = "Approve",
        ["data"] = new JsonObject { ["email"] = "client@example.com", ["severity"] = "low" },
    };

    [Fact]
    public async Task The_client_sees_the_request_answers_once_and_the_workflow_continues()
    {
        var (instanceId, taskId, token) = await StartClientTaskAsync();

        var view = await _client.GetObjectAsync($"/api/client/{token}");
        Assert.Equal("Please confirm the fix works for you.", view["description"]!.GetValue<string>());
        Assert.Equal(["Approve", "Reject"], view["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("object", view["form"]!["type"]!.GetValue<string>());
        Assert.False(view.ContainsKey("instanceId"));

        var bad = await (await _client.PostJsonAsync($"/api/client/{token}/respond", new JsonObject { ["outcome"] = "Approve", ["data"] = new JsonObject { ["email"] = "nope" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "form-invalid");
        Assert.Contains(bad.Errors(), e => e.Pointer == "/data/email");

        var receipt = await (await _client.PostJsonAsync($"/api/client/{token}/respond", Answer())).ReadObjectAsync();
        Assert.Equal("Approve", receipt["outcome"]!.GetValue<string>());

        await (await _client.PostJsonAsync($"/api/client/{token}/respond", Answer())).AssertProblemAsync(HttpStatusCode.Gone, "client-link-used");
        await (await _client.GetAsync($"/api/client/{token}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Gone, "client-link-used");
        var task = await _admin.GetTaskAsync(taskId);
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.StartsWith("client-link:", task["completedBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["created", "client-link-issued", "completed"], task.Kinds());
        Assert.Equal("Finished", (await _admin.GetObjectAsync($"/api/workflow-instances/{instanceId}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_changed_in_one_byte_is_refused_before_its_body_is_read()
    {
        var (_, taskId, token) = await StartClientTaskAsync();
        foreach (var position in new[] { 3, token.IndexOf('.', StringComparison.Ordinal) - 2, token.Length - 5 })
        {
            var tampered = token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];
            await (await _client.GetAsync($"/api/client/{tampered}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "client-link-invalid");
            await (await _client.PostJsonAsync($"/api/client/{tampered}/respond", "{ this is not json")).AssertProblemAsync(HttpStatusCode.Unauthorized, "client-link-invalid");
        }

        await (await _client.GetAsync("/api/client/garbage", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "client-link-invalid");
        Assert.Equal("open", (await _admin.GetTaskAsync(taskId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var (_, _, token) = await StartClientTaskAsync();

        _factory.Clock.Advance(TimeSpan.FromDays(7));

        await (await _client.GetAsync($"/api/client/{token}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Gone, "client-link-expired");
        await (await _client.PostJsonAsync($"/api/client/{token}/respond", Answer())).AssertProblemAsync(HttpStatusCode.Gone, "client-link-expired");
    }

    [Fact]
    public async Task A_revoked_link_is_refused_and_a_reissued_one_replaces_it()
    {
        var (_, taskId, token) = await StartClientTaskAsync();
        var linkId = (await _admin.GetTaskAsync(taskId))["clientLinkId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/client-links/{linkId}", ApiCalls.Token)).StatusCode);
        await (await _client.PostJsonAsync($"/api/client/{token}/respond", Answer())).AssertProblemAsync(HttpStatusCode.Gone, "client-link-revoked");
        await (await _admin.DeleteAsync("/api/client-links/no-such-link", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var reissued = await (await _admin.PostEmptyAsync($"/api/tasks/{taskId}/client-link")).ReadObjectAsync(HttpStatusCode.Created);
        var fresh = reissued["token"]!.GetValue<string>();
        Assert.NotEqual(token, fresh);
        var second = await (await _admin.PostEmptyAsync($"/api/tasks/{taskId}/client-link")).ReadObjectAsync(HttpStatusCode.Created);
        await (await _client.GetAsync($"/api/client/{fresh}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Gone, "client-link-revoked");
        await (await _client.PostJsonAsync($"/api/client/{second["token"]!.GetValue<string>()}/respond", Answer())).ReadObjectAsync();
        Assert.Equal("completed", (await _admin.GetTaskAsync(taskId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_for_a_closed_task_or_another_purpose_does_not_work()
    {
        var (instanceId, _, token) = await StartClientTaskAsync();
        await (await _admin.PostJsonAsync($"/api/workflow-instances/{instanceId}/cancel", "{}")).ReadObjectAsync();
        await (await _client.GetAsync($"/api/client/{token}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Gone, "task-not-open");

        var links = _factory.Services.GetRequiredService<EscalationFlows.Server.ClientLinks.ClientLinkService>();
        var other = await links.IssueAsync("escalation-confirmation", "esc-1", "tests", ApiCalls.Token);
        await (await _client.GetAsync($"/api/client/{other.Token}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "client-link-invalid");
        var grant = await links.VerifyAsync(other.Token, "escalation-confirmation", ApiCalls.Token);
        Assert.Equal("esc-1", grant.Claims.SubjectId);
        Assert.True(await links.TryUseAsync(grant.Link.Id, ApiCalls.Token));
        Assert.False(await links.TryUseAsync(grant.Link.Id, ApiCalls.Token));
    }
}
