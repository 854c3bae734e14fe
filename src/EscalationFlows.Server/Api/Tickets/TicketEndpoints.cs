using EscalationFlows.Server.Auth;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Sla.Reports;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Server.Api.Sla;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Tickets;

/// <summary>Tracked tickets: tickets whose SLA clocks run before anything is escalated (connectors feed the same endpoints).</summary>
public static class TicketEndpoints
{
    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost(string.Empty, RegisterAsync)
            .RequireAuthorization(Permissions.TicketsWrite)
            .WithName("RegisterTicket")
            .WithSummary("Starts tracking a ticket")
            .WithDescription("Body { source, externalId, client, tier?, priority (1–5), openedAt, title, status?, respondedAt?, policyId?, calendarId? }. Starts the response and resolution clocks at openedAt. Idempotent on (source, externalId): a repeat answers 200 with the ticket already tracked, unchanged (send changes with PATCH).")
            .AcceptsJson<TicketRegistration>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{ticketId}", GetAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("GetTicket")
            .WithSummary("Gets a tracked ticket with a summary of its SLA clocks")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        group.MapPatch("/{ticketId}", UpdateAsync)
            .RequireAuthorization(Permissions.TicketsWrite)
            .WithName("UpdateTicket")
            .WithSummary("Changes a ticket's status, priority, tier, title or first response")
            .WithDescription("Body { status?, priority?, tier?, title?, respondedAt?, at? }. A pausing status (awaiting-client, on-hold-by-client by default) pauses the resolution clock and cancels its threshold timers; another status resumes it and reschedules them; resolved or closed stops both clocks. A priority or tier change gives the open clocks new targets. `at` (default now) is when it happened in the source; a change older than the last one applied is refused (409).")
            .AcceptsJson<TicketUpdate>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{ticketId}/flag", FlagAsync)
            .RequireAuthorization(Permissions.EscalationsWrite)
            .WithName("FlagTicket")
            .WithSummary("Flags a tracked ticket for escalation")
            .WithDescription("Body { reason, category?, description?, impact?, urgency?, clientEmail?, clientRequested?, needsAuthority?, raisePriority? }. A ticket without an open escalation starts escalation-trigger (trigger reason manual-flag, or client-request) and answers 201 with the new escalation; a ticket already escalated flags that escalation and answers 200. Supports Idempotency-Key.")
            .AcceptsJson<Escalations.FlagTicketRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Results<Created<Escalations.EscalationDetailsResponse>, Ok<Escalations.EscalationDetailsResponse>>> FlagAsync(HttpContext context, JsonRequestReader body,
        Server.Escalations.EscalationService escalations, Server.Escalations.EscalationDetailsReader details, string ticketId, CancellationToken cancellationToken)
    {
        var key = IdempotencyKeys.Read(context.Request);
        var request = await body.ReadAsync<Escalations.FlagTicketRequest>(context.Request, allowEmpty: false, cancellationToken);
        var (record, created) = await escalations.FlagTicketAsync(CurrentUser.From(context.User), ticketId, request, key, cancellationToken);
        var response = await details.ReadAsync(record, cancellationToken);
        return created
            ? TypedResults.Created($"/api/escalations/{Uri.EscapeDataString(record.Id)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<TicketResponse>, Ok<TicketResponse>>> RegisterAsync(HttpRequest request, JsonRequestReader body, ISlaStore store,
        SlaClockService service, IIdGenerator ids, TimeProvider clock, CancellationToken cancellationToken)
    {
        var registration = await body.ReadAsync<TicketRegistration>(request, allowEmpty: false, cancellationToken);
        var now = clock.GetUtcNow();
        var ticketId = ids.NewId();
        var change = await SlaApiErrors.Translate(SlaApiErrorCodes.TicketInvalid, "The ticket is invalid; see errors for every problem found.",
            () => store.ExecuteAsync((session, ct) => service.RegisterTicketAsync(session, registration, ticketId, now, ct), cancellationToken));
        var response = await ResponseAsync(store, service, change.Ticket, clock.GetUtcNow(), cancellationToken);
        return change.Created
            ? TypedResults.Created($"/api/tickets/{Uri.EscapeDataString(change.Ticket.Id)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Ok<TicketResponse>> GetAsync(ISlaStore store, SlaClockService service, TimeProvider clock, string ticketId, CancellationToken cancellationToken)
    {
        var ticket = await store.ReadAsync((session, ct) => session.FindTicketAsync(ticketId, ct), cancellationToken)
            ?? throw SlaApiErrors.NotFound($"There is no tracked ticket '{ticketId}'.");
        return TypedResults.Ok(await ResponseAsync(store, service, ticket, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<Ok<TicketResponse>> UpdateAsync(HttpRequest request, JsonRequestReader body, ISlaStore store, SlaClockService service, TimeProvider clock,
        string ticketId, CancellationToken cancellationToken)
    {
        var update = await body.ReadAsync<TicketUpdate>(request, allowEmpty: false, cancellationToken);
        var now = clock.GetUtcNow();
        var ticket = await SlaApiErrors.Translate(SlaApiErrorCodes.TicketInvalid, "The ticket update is invalid; see errors for every problem found.",
            () => store.ExecuteAsync((session, ct) => service.UpdateTicketAsync(session, ticketId, update, now, ct), cancellationToken));
        return TypedResults.Ok(await ResponseAsync(store, service, ticket, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<TicketResponse> ResponseAsync(ISlaStore store, SlaClockService service, TrackedTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clocks = await store.ReadAsync((session, ct) => service.GetClocksAsync(session, ticket.Id, ct), cancellationToken);
        IReadOnlyList<TicketSlaSummary> sla = [.. clocks.Select(c => TicketSlaSummary.From(SlaReportBuilder.Metric(c.Stored, c.Clock, now)))];
        return TicketResponse.From(ticket, sla);
    }
}
