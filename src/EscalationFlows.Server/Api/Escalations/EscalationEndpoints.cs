using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Escalations;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Escalations;

/// <summary>Escalations: open one (starts the lifecycle), list, read in full, flag; and the client's page behind the signed link.</summary>
public static class EscalationEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapEscalationEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost(string.Empty, CreateAsync)
            .RequireAuthorization(Permissions.EscalationsWrite)
            .WithName("CreateEscalation")
            .WithSummary("Opens an escalation")
            .WithDescription("Body { title, client, clientEmail?, tier?, description?, category?, impact (1–3), urgency (1–3), triggerReason?, ticketId?, source?, externalId?, externalUrl?, handler?, stakeholders[], priorAttempts[], account?, clientRequested?, needsAuthority? }. Starts the escalation-trigger workflow, which opens the record (number ESC-000123), evaluates the criteria and either runs triage or returns it to the handler. With an Idempotency-Key a repeat returns the first escalation (header Idempotent-Replayed: true).")
            .AcceptsJson<CreateEscalationRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.EscalationsRead)
            .WithName("ListEscalations")
            .WithSummary("Lists escalations, newest first")
            .WithDescription($"Filters: `stage`, `priority` (1–5), `team`, `owner` (a user id or `me`), `client`, `slaStatus` (onTrack, atRisk, breached, paused, met), `open` (true/false). `page` from 1, `pageSize` (default {DefaultPageSize}, at most {MaxPageSize}).")
            .ProducesApiProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", GetAsync)
            .RequireAuthorization(Permissions.EscalationsRead)
            .WithName("GetEscalation")
            .WithSummary("Gets an escalation in full")
            .WithDescription("By id or number (ESC-000123): the record, its timeline, the owner of each stage (and the history), the communications, the cited context summary, open tasks, where its workflows wait, and its SLA clocks.")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/flag", FlagAsync)
            .RequireAuthorization(Permissions.EscalationsWrite)
            .WithName("FlagEscalation")
            .WithSummary("Flags a running escalation")
            .WithDescription("Body { reason, raisePriority? }: the flag goes on the timeline; raisePriority moves the priority one step up. Publishes escalation.flagged (correlation id = the escalation).")
            .AcceptsJson<FlagEscalationRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id}/elevate", ElevateAsync)
            .RequireAuthorization(Permissions.EscalationsElevate)
            .WithName("ElevateEscalation")
            .WithSummary("Elevates a running escalation one level")
            .WithDescription("Body { reason } (required). The same change as the Escalations.Elevate step: resolution team → senior specialist → operations leadership, re-routed to that level's team and authority (Senior specialists/L3, Operations leadership/L4), an 'elevated' timeline entry by the caller, and the step's mail to leadership. Publishes escalation.elevated (correlation id = the escalation). 409 escalation-closed when closed, escalation-at-top when already with operations leadership.")
            .AcceptsJson<ElevateEscalationRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}/client", ClientViewAsync)
            .AllowAnonymous()
            .WithName("GetEscalationForClient")
            .WithSummary("The client's view of an escalation (signed link)")
            .WithDescription("Query `token` from the link sent to the client. Status in plain words, the messages to and from the client, and what is asked. 401 for a link that is not valid, 410 when it expired, was withdrawn or used.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status410Gone);

        group.MapPost("/{id}/client/confirm", ConfirmAsync)
            .AllowAnonymous()
            .WithName("ConfirmEscalationResolution")
            .WithSummary("The client confirms the resolution (signed link)")
            .WithDescription("Query `token`; optional body { comment }. The token is checked before the body is read; the link then stops working.")
            .AcceptsJson<ClientConfirmationRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        group.MapPost("/{id}/client/reject", RejectAsync)
            .AllowAnonymous()
            .WithName("RejectEscalationResolution")
            .WithSummary("The client says it is not resolved (signed link)")
            .WithDescription("Query `token`; body { comment } saying what is still wrong (required). The escalation goes back to investigation.")
            .AcceptsJson<ClientConfirmationRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status410Gone,
                StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Results<Created<EscalationDetailsResponse>, Ok<EscalationDetailsResponse>>> CreateAsync(HttpContext context, JsonRequestReader body,
        EscalationService escalations, EscalationDetailsReader details, CancellationToken cancellationToken)
    {
        var key = IdempotencyKeys.Read(context.Request);
        var request = await body.ReadAsync<CreateEscalationRequest>(context.Request, allowEmpty: false, cancellationToken);
        var (record, replayed) = await escalations.CreateAsync(CurrentUser.From(context.User), request, key, cancellationToken);
        var response = await details.ReadAsync(record, cancellationToken);
        if (replayed)
        {
            context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/api/escalations/{Uri.EscapeDataString(record.Id)}", response);
    }

    private static async Task<Ok<EscalationPageResponse>> ListAsync(HttpContext context, EscalationService escalations, string? stage, int? priority, string? team, string? owner,
        string? client, string? slaStatus, bool? open, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new EscalationFilter
        {
            Stage = stage is null ? null : EscalationStages.Normalize(stage) ?? throw ApiRequestException.BadParameter("stage", $"'{stage}' is not a stage; use one of {string.Join(", ", EscalationStages.All)}."),
            Priority = priority is null or (>= 1 and <= 5) ? priority : throw ApiRequestException.BadParameter("priority", "The priority is 1 to 5."),
            Team = string.IsNullOrWhiteSpace(team) ? null : team,
            OwnerId = owner == "me" ? CurrentUser.From(context.User).Id : string.IsNullOrWhiteSpace(owner) ? null : owner,
            Client = string.IsNullOrWhiteSpace(client) ? null : client,
            SlaStatus = slaStatus is null ? null : EscalationSlaStatuses.Normalize(slaStatus)
                ?? throw ApiRequestException.BadParameter("slaStatus", $"'{slaStatus}' is not an SLA status; use one of {string.Join(", ", EscalationSlaStatuses.All)}."),
            Open = open,
        };
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            throw ApiRequestException.BadParameter("page", "The page starts at 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw ApiRequestException.BadParameter("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        }

        var found = await escalations.ListAsync(filter, number, size, cancellationToken);
        return TypedResults.Ok(new EscalationPageResponse([.. found.Items.Select(EscalationSummaryView.From)], found.Page, found.PageSize, found.TotalCount));
    }

    private static async Task<Ok<EscalationDetailsResponse>> GetAsync(EscalationService escalations, EscalationDetailsReader details, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await details.ReadAsync(await escalations.RequireAsync(id, cancellationToken), cancellationToken));

    private static async Task<Ok<EscalationDetailsResponse>> FlagAsync(HttpContext context, JsonRequestReader body, EscalationService escalations, EscalationDetailsReader details,
        string id, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<FlagEscalationRequest>(context.Request, allowEmpty: false, cancellationToken);
        var record = await escalations.FlagAsync(CurrentUser.From(context.User), id, request.Reason, request.RaisePriority ?? false, cancellationToken);
        return TypedResults.Ok(await details.ReadAsync(record, cancellationToken));
    }

    private static async Task<Ok<EscalationDetailsResponse>> ElevateAsync(HttpContext context, JsonRequestReader body, EscalationService escalations, EscalationDetailsReader details,
        string id, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<ElevateEscalationRequest>(context.Request, allowEmpty: false, cancellationToken);
        var record = await escalations.ElevateAsync(CurrentUser.From(context.User), id, request.Reason, cancellationToken);
        return TypedResults.Ok(await details.ReadAsync(record, cancellationToken));
    }

    private static async Task<Ok<ClientEscalationView>> ClientViewAsync(HttpContext context, EscalationClientService clients, string id, string? token, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var grant = await clients.VerifyAsync(id, token, cancellationToken);
        return TypedResults.Ok(await clients.ViewAsync(grant, cancellationToken));
    }

    private static Task<Ok<ClientLinks.ClientAnswerResponse>> ConfirmAsync(HttpContext context, JsonRequestReader body, EscalationClientService clients, string id, string? token,
        CancellationToken cancellationToken) =>
        AnswerAsync(context, body, clients, id, token, ClientConfirmationOutcomes.Confirmed, cancellationToken);

    private static Task<Ok<ClientLinks.ClientAnswerResponse>> RejectAsync(HttpContext context, JsonRequestReader body, EscalationClientService clients, string id, string? token,
        CancellationToken cancellationToken) =>
        AnswerAsync(context, body, clients, id, token, ClientConfirmationOutcomes.Rejected, cancellationToken);

    private static async Task<Ok<ClientLinks.ClientAnswerResponse>> AnswerAsync(HttpContext context, JsonRequestReader body, EscalationClientService clients, string id, string? token,
        string outcome, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var grant = await clients.VerifyAsync(id, token, cancellationToken);
        var request = await body.ReadAsync<ClientConfirmationRequest>(context.Request, allowEmpty: outcome == ClientConfirmationOutcomes.Confirmed, cancellationToken);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (outcome == ClientConfirmationOutcomes.Rejected && comment is null)
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.Required, "Tell us what is still wrong.",
                [ApiError.At("/comment", ApiErrorCodes.Required, "Tell us what is still wrong, so the team can pick it up.")]);
        }

        if (comment is { Length: > EscalationRequestValidator.MaxText })
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.InvalidValue, "The comment is too long.",
                [ApiError.At("/comment", ApiErrorCodes.InvalidValue, $"The comment is at most {EscalationRequestValidator.MaxText} characters long.")]);
        }

        var at = await clients.AnswerAsync(grant, outcome, comment, cancellationToken);
        var message = outcome == ClientConfirmationOutcomes.Confirmed
            ? "Thank you for confirming; we are closing the escalation."
            : "Thank you; the team is looking at it again.";
        return TypedResults.Ok(new ClientLinks.ClientAnswerResponse(outcome, at, message));
    }
}
