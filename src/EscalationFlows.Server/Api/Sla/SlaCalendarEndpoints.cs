using EscalationFlows.Server.Auth;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>Business calendars: weekly hours, IANA time zone, holidays, special days; saved as versions.</summary>
public static class SlaCalendarEndpoints
{
    public static RouteGroupBuilder MapSlaCalendarEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("ListSlaCalendars")
            .WithSummary("Lists the latest version of every business calendar");

        group.MapPost(string.Empty, SaveAsync)
            .RequireAuthorization(Permissions.SlaManage)
            .WithName("SaveSlaCalendar")
            .WithSummary("Saves a business calendar as a new version")
            .WithDescription("Validates the calendar (every problem with a JSON pointer, an unknown or Windows time zone at /timeZone). A calendar equal to the latest version saves nothing (200); otherwise it becomes version latest + 1 (201) and every open clock counting in it is re-counted with the new hours, its timers rescheduled.")
            .AcceptsJson<BusinessCalendarDefinition>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{calendarId}", GetAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("GetSlaCalendar")
            .WithSummary("Gets a business calendar (the latest version, or `version`)")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPut("/{calendarId}", PutAsync)
            .RequireAuthorization(Permissions.SlaManage)
            .WithName("PutSlaCalendar")
            .WithSummary("Saves a new version of the business calendar with this id")
            .WithDescription("Like POST; the body's `id` must be absent or equal the route's.")
            .AcceptsJson<BusinessCalendarDefinition>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{calendarId}/versions", VersionsAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("ListSlaCalendarVersions")
            .WithSummary("Lists every version of a business calendar, newest first")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<IReadOnlyList<SlaCalendarResponse>>> ListAsync(ISlaStore store, CancellationToken cancellationToken)
    {
        var calendars = await store.ReadAsync((session, ct) => session.ListCalendarsAsync(ct), cancellationToken);
        IReadOnlyList<SlaCalendarResponse> response = [.. calendars.Select(SlaCalendarResponse.From)];
        return TypedResults.Ok(response);
    }

    private static async Task<Ok<SlaCalendarResponse>> GetAsync(ISlaStore store, string calendarId, int? version, CancellationToken cancellationToken)
    {
        if (version is < 1)
        {
            throw ApiRequestException.BadParameter("version", "The version must be 1 or more; leave it out for the latest.");
        }

        var calendar = await store.ReadAsync((session, ct) => session.GetCalendarAsync(calendarId, version, ct), cancellationToken)
            ?? throw SlaApiErrors.NotFound(version is null ? $"There is no business calendar '{calendarId}'." : $"The business calendar '{calendarId}' has no version {version}.");
        return TypedResults.Ok(SlaCalendarResponse.From(calendar));
    }

    private static async Task<Ok<IReadOnlyList<SlaCalendarResponse>>> VersionsAsync(ISlaStore store, string calendarId, CancellationToken cancellationToken)
    {
        var versions = await store.ReadAsync((session, ct) => session.GetCalendarVersionsAsync(calendarId, ct), cancellationToken);
        if (versions.Count == 0)
        {
            throw SlaApiErrors.NotFound($"There is no business calendar '{calendarId}'.");
        }

        IReadOnlyList<SlaCalendarResponse> response = [.. versions.Select(SlaCalendarResponse.From)];
        return TypedResults.Ok(response);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaCalendarResponse>>, Ok<SlaSaveResponse<SlaCalendarResponse>>>> SaveAsync(HttpRequest request, JsonRequestReader body,
        ISlaStore store, SlaMaintenance maintenance, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendar = await body.ReadAsync<BusinessCalendarDefinition>(request, allowEmpty: false, cancellationToken);
        return await SaveCoreAsync(calendar, store, maintenance, clock, cancellationToken);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaCalendarResponse>>, Ok<SlaSaveResponse<SlaCalendarResponse>>>> PutAsync(HttpRequest request, JsonRequestReader body,
        ISlaStore store, SlaMaintenance maintenance, TimeProvider clock, string calendarId, CancellationToken cancellationToken)
    {
        var calendar = await body.ReadAsync<BusinessCalendarDefinition>(request, allowEmpty: false, cancellationToken);
        if (string.IsNullOrEmpty(calendar.Id))
        {
            calendar = calendar with { Id = calendarId };
        }
        else if (!string.Equals(calendar.Id, calendarId, StringComparison.Ordinal))
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, SlaApiErrorCodes.CalendarInvalid, "The body's id differs from the one in the address.",
                [ApiError.At("/id", SlaErrorCodes.Inconsistent, $"The id '{calendar.Id}' differs from '{calendarId}' in the address; leave it out or make them equal.")]);
        }

        return await SaveCoreAsync(calendar, store, maintenance, clock, cancellationToken);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaCalendarResponse>>, Ok<SlaSaveResponse<SlaCalendarResponse>>>> SaveCoreAsync(BusinessCalendarDefinition calendar,
        ISlaStore store, SlaMaintenance maintenance, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await SlaApiErrors.Translate(SlaApiErrorCodes.CalendarInvalid, "The business calendar is invalid; see errors for every problem found.",
            () => store.ExecuteAsync((session, ct) => SlaConfigurationService.SaveCalendarAsync(session, calendar, now, ct), cancellationToken));
        var updated = result.Created ? await maintenance.RecomputeOutdatedAsync(cancellationToken) : 0;
        var saved = await store.ReadAsync((session, ct) => session.GetCalendarAsync(result.Saved.Id, result.Version, ct), cancellationToken)
            ?? throw new InvalidOperationException($"The business calendar '{result.Saved.Id}' v{result.Version} vanished right after it was saved.");
        var response = new SlaSaveResponse<SlaCalendarResponse>(result.Created, updated, SlaCalendarResponse.From(saved));
        return result.Created
            ? TypedResults.Created($"/api/sla/calendars/{Uri.EscapeDataString(saved.Definition.Id)}?version={saved.Version}", response)
            : TypedResults.Ok(response);
    }
}
