using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Server.Api.Tasks;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.ClientLinks;

/// <summary>
/// What a client without an account answers through a signed link (anonymous). The token is verified — signature,
/// expiry, revocation, single use, purpose — before the request body is read at all.
/// </summary>
public static class ClientEndpoints
{
    public static RouteGroupBuilder MapClientEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet("/{token}", GetAsync)
            .AllowAnonymous()
            .WithName("GetClientRequest")
            .WithSummary("Shows the client what is asked")
            .WithDescription("Title, description, form and outcomes of the task the link is for. 401 for a link that is not valid; 410 when it expired, was withdrawn or was already used, or the request is closed.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status410Gone);

        group.MapPost("/{token}/respond", RespondAsync)
            .AllowAnonymous()
            .WithName("RespondToClientRequest")
            .WithSummary("Records the client's answer")
            .WithDescription("Body `{ outcome, data }`, checked like a task completion (422 naming each field). The link then stops working.")
            .AcceptsJson<CompleteTaskRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status410Gone,
                StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Ok<ClientTaskView>> GetAsync(HttpContext context, ClientLinkService links, TaskService tasks, string token, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var grant = await links.VerifyAsync(token, HumanTaskActivity.ClientLinkPurpose, cancellationToken);
        var task = await tasks.RequireClientTaskAsync(grant, cancellationToken);
        var form = task.Form is null ? null : JsonNode.Parse(task.Form) as JsonObject;
        return TypedResults.Ok(new ClientTaskView
        {
            Title = task.Title,
            Description = task.Description,
            Form = form?["schema"]?.DeepClone() as JsonObject,
            UiSchema = form?["uiSchema"]?.DeepClone() as JsonObject,
            Outcomes = WorkflowJson.Deserialize<List<string>>(task.Outcomes) ?? [],
            DueAt = task.DueAt,
            ExpiresAt = grant.Claims.ExpiresAt,
        });
    }

    private static async Task<Ok<ClientAnswerResponse>> RespondAsync(HttpContext context, JsonRequestReader body, ClientLinkService links, TaskService tasks, string token,
        CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var grant = await links.VerifyAsync(token, HumanTaskActivity.ClientLinkPurpose, cancellationToken);
        var request = await body.ReadAsync<CompleteTaskRequest>(context.Request, allowEmpty: false, cancellationToken);
        var task = await tasks.CompleteAsClientAsync(grant, request.Outcome, request.Data, cancellationToken);
        return TypedResults.Ok(new ClientAnswerResponse(task.Outcome ?? request.Outcome!, task.CompletedAt ?? tasks.Now, "Thank you, your answer was recorded."));
    }
}
