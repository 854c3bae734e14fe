using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Activities;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Severity;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Server.Api.Escalations;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Live;

namespace EscalationFlows.Server.Escalations;

/// <summary>
/// Escalations through the API: opening one (starts the <c>escalation-trigger</c> workflow, whose first step writes the
/// record), frontline flags on an escalation or on a tracked ticket, and lists. Reading one in full is
/// <see cref="EscalationDetailsReader"/>.
/// </summary>
public sealed class EscalationService
{
    private readonly IEscalationStore _store;
    private readonly WorkflowRuntime _runtime;
    private readonly TicketSlaReader _tickets;
    private readonly SeverityClassifier _severity;
    private readonly IIdGenerator _ids;
    private readonly TimeProvider _clock;
    private readonly LiveBroadcaster _live;
    private readonly ElevationHandover _handover;

    public EscalationService(IEscalationStore store, WorkflowRuntime runtime, TicketSlaReader tickets, SeverityClassifier severity, IIdGenerator ids, TimeProvider clock,
        LiveBroadcaster live, ElevationHandover handover)
    {
        _live = live;
        _handover = handover;
        _store = store;
        _runtime = runtime;
        _tickets = tickets;
        _severity = severity;
        _ids = ids;
        _clock = clock;
    }

    /// <summary>Opens an escalation; with the same idempotency key a repeat returns the first one (<c>Replayed</c>).</summary>
    public async Task<(EscalationRecord Record, bool Replayed)> CreateAsync(CurrentUser user, CreateEscalationRequest request, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey is null ? null : $"{EscalationWorkflows.Trigger}:{idempotencyKey}";
        if (key is not null && await _runtime.Store.FindIdempotencyAsync("start", key, cancellationToken) is { } earlier
            && WorkflowJson.Deserialize<WorkflowRunResult>(earlier.Result) is { } first
            && await _store.FindByTriggerInstanceAsync(first.InstanceId, cancellationToken) is { } existing)
        {
            return (existing, true);
        }

        var errors = EscalationRequestValidator.Validate(request).ToList();
        if (request.TicketId is { Length: > 0 } ticketId)
        {
            if (await _tickets.ReadAsync(ticketId, _clock.GetUtcNow(), cancellationToken) is null)
            {
                errors.Add(ApiError.At("/ticketId", ApiErrorCodes.InvalidValue, $"There is no tracked ticket '{ticketId}'; register it with POST /api/tickets first."));
            }
            else if (await _store.FindOpenForTicketAsync(ticketId, cancellationToken) is { } open)
            {
                throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.EscalationExists,
                    $"Ticket '{ticketId}' is already escalated as {open.DisplayNumber} ({open.Id}); flag that escalation instead.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.EscalationInvalid,
                errors.Count == 1 ? $"The escalation is not valid: {errors[0].Message}" : $"The escalation has {errors.Count} problems; see errors.", errors);
        }

        var escalationId = _ids.NewId();
        WorkflowRunResult run;
        try
        {
            run = await _runtime.StartAsync(new StartWorkflowRequest
            {
                DefinitionId = EscalationWorkflows.Trigger,
                Input = Input(user, request, escalationId),
                CorrelationId = escalationId,
                IdempotencyKey = key,
            }, cancellationToken);
        }
        catch (WorkflowNotFoundException ex)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.WorkflowNotPublished,
                $"The escalation lifecycle is not installed: {ex.Message} Publish workflows/{EscalationWorkflows.Trigger}.json.");
        }

        var record = await _store.FindByTriggerInstanceAsync(run.InstanceId, cancellationToken);
        if (record is null)
        {
            var why = run.Incidents.Count > 0 ? string.Join(" ", run.Incidents.Select(i => i.Message)) : $"the workflow is {run.Status}";
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.EscalationNotOpened,
                $"The escalation workflow started (instance {run.InstanceId}) but did not open the escalation: {why}");
        }

        return (record, run.Replayed);
    }

    /// <summary>A frontline flag on a running escalation: on the timeline, optionally one priority step up; the <c>escalation.flagged</c> event tells workflows.</summary>
    public async Task<EscalationRecord> FlagAsync(CurrentUser user, string escalationIdOrNumber, string? reason, bool raisePriority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = await RequireAsync(escalationIdOrNumber, cancellationToken);
        var why = RequireReason(reason);
        if (EscalationStages.IsFinal(record.Stage))
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.EscalationClosed,
                $"{record.DisplayNumber} is {record.Stage}; flag the ticket again to start a new escalation.");
        }

        int? raised = raisePriority && record.Priority is > 1 and var p ? p - 1 : null;
        var text = $"Flagged: {why}" + (raised is { } r ? $" Priority raised from P{record.Priority} to P{r}." : string.Empty);
        var updated = await _store.ApplyAsync(new EscalationEffect
        {
            EscalationId = record.Id,
            At = _clock.GetUtcNow(),
            Actor = user.Id,
            Source = "api",
            Set = new EscalationFieldChanges
            {
                Flagged = true,
                FlagReason = why,
                Priority = raised,
                Severity = raised is { } level ? _severity.Label(level) : null,
            },
            Timeline = [new TimelineNote("flagged", text, new JsonObject { ["raisedTo"] = raised })],
        }, cancellationToken);
        _live.Publish(LiveChange.Escalation(record.Id));
        await _runtime.PublishEventAsync(EscalationWorkflows.FlaggedEvent, record.Id,
            new JsonObject { ["escalationId"] = record.Id, ["reason"] = why, ["flaggedBy"] = user.Id, ["priority"] = updated.Priority }, cancellationToken: cancellationToken);
        return updated;
    }

    /// <summary>
    /// An elevation by hand, the same change the <c>Escalations.Elevate</c> step makes: one level up (resolution team →
    /// senior specialist → operations leadership), re-routed to the team and authority of the new level
    /// (<see cref="ElevateActivity.DefaultTeams"/>, <see cref="ElevateActivity.DefaultAuthorityLevels"/>), an
    /// <c>elevated</c> timeline entry by the caller and the step's mail to leadership; applied through the same applier as
    /// a workflow step's effect (record, timeline, communication and outbox message in one transaction). Then
    /// <c>escalation.elevated</c> tells the workflows. 409 when the escalation is closed or already at the top.
    /// </summary>
    public async Task<EscalationRecord> ElevateAsync(CurrentUser user, string escalationIdOrNumber, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = await RequireAsync(escalationIdOrNumber, cancellationToken);
        var why = RequireText(reason, "Say why it must go higher.", "Say why it must go higher: the reason goes on the timeline.");
        if (EscalationStages.IsFinal(record.Stage))
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.EscalationClosed, $"{record.DisplayNumber} is {record.Stage}; it cannot be elevated any more.");
        }

        if (record.ElevationLevel >= ElevationLevels.Highest)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.EscalationAtTop,
                $"{record.DisplayNumber} is already with {ElevationLevels.Label(record.ElevationLevel)}; it cannot go higher.");
        }

        var level = record.ElevationLevel + 1;
        var levelName = ElevationLevels.Name(level);
        var team = JsonStrings.Get(ElevateActivity.DefaultTeams[levelName]) ?? record.ResolutionTeam;
        var authority = JsonStrings.Get(ElevateActivity.DefaultAuthorityLevels[levelName]) ?? record.AuthorityLevel;
        var (openWork, newTeam) = await _handover.PlanAsync(record, team, cancellationToken);
        var handedOver = newTeam is null || openWork.Count == 0
            ? string.Empty
            : $"; open work handed to {newTeam.Name}: {string.Join(", ", openWork.Select(t => t.Title))}";
        var now = _clock.GetUtcNow();
        var updated = await _store.ApplyAsync(new EscalationEffect
        {
            EscalationId = record.Id,
            At = now,
            Actor = user.Id,
            Source = "api",
            RaiseElevation = true,
            Set = new EscalationFieldChanges { ResolutionTeam = team, AuthorityLevel = authority },
            Timeline =
            [
                new TimelineNote("elevated",
                    $"Elevated from {ElevationLevels.Label(record.ElevationLevel)} to {ElevationLevels.Label(level)}{(team is null ? string.Empty : $", team {team}")}: {why}{handedOver}",
                    new JsonObject { ["from"] = record.ElevationLevel, ["to"] = level, ["team"] = team }),
            ],
            // Leadership hears by mail, as from the step (its default subject and text; queued in the same transaction).
            Messages =
            [
                new OutgoingMessage
                {
                    Id = _ids.NewId(),
                    Audience = MessageAudiences.Leadership,
                    Channel = CommunicationChannels.Email,
                    SubjectTemplate = MessageTemplates.ElevationSubject,
                    BodyTemplate = MessageTemplates.ElevationBody,
                    Data = new JsonObject { ["reason"] = why, ["level"] = level, ["levelName"] = levelName },
                    Purpose = "elevation",
                },
            ],
        }, cancellationToken);
        if (newTeam is not null && openWork.Count > 0)
        {
            await _handover.HandOverAsync(openWork, newTeam, user.Id, now, $"Elevated to {ElevationLevels.Label(level)}: {why}", cancellationToken);
        }

        _live.Publish(LiveChange.Escalation(record.Id));
        await _runtime.PublishEventAsync(EscalationWorkflows.ElevatedEvent, record.Id,
            new JsonObject { ["escalationId"] = record.Id, ["reason"] = why, ["elevatedBy"] = user.Id, ["level"] = updated.ElevationLevel, ["team"] = team },
            cancellationToken: cancellationToken);
        return updated;
    }

    /// <summary>A frontline flag on a tracked ticket: flags its open escalation, or opens one (trigger reason manual-flag, or client-request).</summary>
    public async Task<(EscalationRecord Record, bool Created)> FlagTicketAsync(CurrentUser user, string ticketId, FlagTicketRequest request, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var why = RequireReason(request.Reason);
        if (await _tickets.ReadAsync(ticketId, _clock.GetUtcNow(), cancellationToken) is null)
        {
            throw new WorkflowNotFoundException($"There is no tracked ticket '{ticketId}'.");
        }

        if (await _store.FindOpenForTicketAsync(ticketId, cancellationToken) is { } open)
        {
            return (await FlagAsync(user, open.Id, why, request.RaisePriority ?? false, cancellationToken), false);
        }

        var (record, _) = await CreateAsync(user, new CreateEscalationRequest
        {
            TicketId = ticketId,
            TriggerReason = request.ClientRequested == true ? TriggerReasons.ClientRequest : TriggerReasons.ManualFlag,
            FlagReason = why,
            Category = request.Category,
            Description = request.Description,
            Impact = request.Impact,
            Urgency = request.Urgency,
            ClientEmail = request.ClientEmail,
            ClientRequested = request.ClientRequested,
            NeedsAuthority = request.NeedsAuthority,
        }, idempotencyKey, cancellationToken);
        return (record, true);
    }

    public Task<EscalationPage> ListAsync(EscalationFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        _store.ListAsync(filter, page, pageSize, cancellationToken);

    /// <summary>The escalation with this id or number (<c>ESC-000123</c>); 404 otherwise.</summary>
    public async Task<EscalationRecord> RequireAsync(string idOrNumber, CancellationToken cancellationToken) =>
        (EscalationNumbers.TryParse(idOrNumber, out var number)
            ? await _store.FindByNumberAsync(number, cancellationToken)
            : await _store.FindAsync(idOrNumber, cancellationToken))
        ?? throw new WorkflowNotFoundException($"There is no escalation '{idOrNumber}'.");

    private static string RequireReason(string? reason) => RequireText(reason, "Say why you flag it.", "Say why you flag it: the reason goes on the timeline.");

    private static string RequireText(string? reason, string title, string detail) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.EscalationInvalid, title,
                [ApiError.At("/reason", ApiErrorCodes.Required, detail)])
            : reason.Length > EscalationRequestValidator.MaxText
                ? throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.EscalationInvalid, "The reason is too long.",
                    [ApiError.At("/reason", ApiErrorCodes.InvalidValue, $"The reason is at most {EscalationRequestValidator.MaxText} characters long.")])
                : reason.Trim();

    private static JsonObject Input(CurrentUser user, CreateEscalationRequest request, string escalationId)
    {
        var handler = request.Handler ?? (user.Kind == AuthClaims.UserKind ? user.Id : null);
        var reason = request.TriggerReason ?? (request.ClientRequested == true ? TriggerReasons.ClientRequest : TriggerReasons.ManualFlag);
        var input = new JsonObject
        {
            ["escalationId"] = escalationId,
            ["ticketId"] = Blank(request.TicketId),
            ["source"] = Blank(request.Source),
            ["externalId"] = Blank(request.ExternalId),
            ["externalUrl"] = Blank(request.ExternalUrl),
            ["client"] = Blank(request.Client),
            ["clientEmail"] = Blank(request.ClientEmail),
            ["clientContact"] = Blank(request.ClientContact),
            ["accountId"] = Blank(request.AccountId),
            ["account"] = request.Account?.DeepClone(),
            ["tier"] = Blank(request.Tier),
            ["title"] = Blank(request.Title),
            ["description"] = Blank(request.Description),
            ["category"] = Blank(request.Category),
            ["impact"] = request.Impact,
            ["urgency"] = request.Urgency,
            ["triggerReason"] = reason,
            ["handler"] = Blank(handler),
            ["openedBy"] = user.Id,
            ["stakeholders"] = new JsonArray([.. (request.Stakeholders ?? []).Select(s => JsonValue.Create(s.Trim()))]),
            ["priorAttempts"] = new JsonArray([.. (request.PriorAttempts ?? []).Select(s => JsonValue.Create(s.Trim()))]),
            ["flagReason"] = Blank(request.FlagReason),
            ["clientRequested"] = request.ClientRequested ?? reason == TriggerReasons.ClientRequest,
            ["needsAuthority"] = request.NeedsAuthority ?? false,
        };
        // Every declared input is present (null when not given): the trigger's Open step reads them by name.
        return input;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
