using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Sla.Subjects;
using EscalationFlows.Escalations.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>
/// Everything that changes SLA clocks: ticket registration and updates, the activities' effects, threshold firing and
/// recomputation after a policy or calendar change. Every operation works on one <see cref="ISlaSession"/>, so the
/// clock rows and the threshold timers they move (upserted or cancelled in <c>wf_timers</c>) commit in ONE transaction.
/// </summary>
/// <remarks>
/// Timer bookkeeping: each clock row remembers the timers it scheduled (percentage → due). After every change the
/// pending thresholds (<see cref="SlaClock.PendingThresholds"/>) are compared with it: new or moved ones are upserted by
/// their stable id, ones no longer pending (fired, paused, stopped) are deleted. Firing re-checks the clock with
/// <see cref="SlaClock.TryFireThreshold"/>, so a stale timer never publishes a wrong event; it only realigns its row.
/// </remarks>
public sealed partial class SlaClockService
{
    /// <summary>The outbox kind that publishes a fired threshold's event (delivered by <see cref="Runtime.SlaThresholdOutboxHandler"/>).</summary>
    public const string OutboxKind = "sla.threshold.publish";

    private readonly SlaOptions _options;
    private readonly ILogger<SlaClockService> _logger;

    public SlaClockService(IOptions<SlaOptions> options, ILogger<SlaClockService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The options in effect.</summary>
    public SlaOptions Options => _options;

    /// <summary>
    /// Registers a ticket and starts its response and resolution clocks at its opening time (retroactively), or returns
    /// the ticket already tracked for the same source and external id unchanged.
    /// </summary>
    /// <exception cref="SlaDefinitionException">Invalid fields, or an unknown policy or calendar (pointer errors).</exception>
    public async Task<TicketChange> RegisterTicketAsync(ISlaSession session, TicketRegistration registration, string ticketId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(registration);
        var errors = TicketValidator.Validate(registration, now);
        if (errors.Count > 0)
        {
            throw new SlaDefinitionException("ticket", errors);
        }

        if (await session.FindTicketAsync(registration.Source!, registration.ExternalId!, cancellationToken) is { } existing)
        {
            return new TicketChange(existing, Created: false);
        }

        var policyPointer = registration.PolicyId is null ? string.Empty : "/policyId";
        var policy = await RequirePolicyAsync(session, registration.PolicyId ?? _options.DefaultPolicyId, policyPointer, cancellationToken);
        var calendarPointer = registration.CalendarId is null ? policyPointer : "/calendarId";
        var calendar = await RequireCalendarAsync(session, registration.CalendarId ?? policy.Policy.CalendarId, calendarPointer, cancellationToken);
        var opened = registration.OpenedAt!.Value.ToUniversalTime();
        var start = opened <= now ? opened : now;
        var status = (registration.Status ?? TicketStatuses.New).ToLowerInvariant();
        var ticket = new TrackedTicket
        {
            Id = ticketId,
            Source = registration.Source!,
            ExternalId = registration.ExternalId!,
            Client = registration.Client!,
            Tier = registration.Tier,
            Priority = registration.Priority!.Value,
            Title = registration.Title!,
            Status = status,
            OpenedAt = opened,
            PolicyId = policy.Policy.Id,
            CalendarId = registration.CalendarId,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var clocks = new List<LiveClock>();
        foreach (var metric in SlaMetrics.All)
        {
            var clock = SlaClock.ForPolicy(Effective(policy.Policy, calendar.Calendar.Id), calendar.Calendar, ticket.Id, metric, ticket.Priority, ticket.Tier);
            clock.Start(start);
            clocks.Add(new LiveClock(NewStored(ticket.Id, SlaSubjectType.Ticket, metric, policy, ticket.Priority, ticket.Tier, calendar,
                registration.CalendarId is not null, clock, now), clock));
        }

        if (registration.RespondedAt is { } responded)
        {
            var respondedAt = responded.ToUniversalTime() < start ? start : responded.ToUniversalTime();
            clocks.Single(c => c.Stored.Metric == SlaMetric.Response).Clock.Stop(respondedAt);
            ticket = ticket with { RespondedAt = respondedAt };
        }

        ticket = ApplyStatus(ticket, clocks, status, policy.Policy, now);
        await session.SaveTicketAsync(ticket, cancellationToken);
        foreach (var live in clocks)
        {
            await SaveAsync(session, live, now, forceTimerId: null, cancellationToken);
        }

        return new TicketChange(ticket, Created: true);
    }

    /// <summary>Applies a status, priority, tier or response change to a tracked ticket and its clocks.</summary>
    /// <exception cref="SlaDefinitionException">Invalid fields (pointer errors).</exception>
    /// <exception cref="SlaNotFoundException">No such ticket.</exception>
    /// <exception cref="SlaClockEventException">The change is older than the last one applied, or before the ticket was opened.</exception>
    public async Task<TrackedTicket> UpdateTicketAsync(ISlaSession session, string ticketId, TicketUpdate update, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(update);
        var errors = TicketValidator.Validate(update, now);
        if (errors.Count > 0)
        {
            throw new SlaDefinitionException("ticket update", errors);
        }

        var ticket = await session.FindTicketAsync(ticketId, cancellationToken) ?? throw new SlaNotFoundException($"There is no tracked ticket '{ticketId}'.");
        var at = (update.At ?? now).ToUniversalTime();
        var policy = await RequirePolicyAsync(session, ticket.PolicyId, string.Empty, cancellationToken);
        var clocks = await LoadAsync(session, ticket.Id, cancellationToken);

        if (update.RespondedAt is { } responded && ticket.RespondedAt is null)
        {
            var respondedAt = responded.ToUniversalTime();
            if (clocks.FirstOrDefault(c => c.Stored.Metric == SlaMetric.Response) is { } response)
            {
                response.Clock.Stop(respondedAt);
            }

            ticket = ticket with { RespondedAt = respondedAt };
        }

        var tier = update.Tier is null ? ticket.Tier : update.Tier.Length == 0 ? null : update.Tier;
        var priority = update.Priority ?? ticket.Priority;
        if (priority != ticket.Priority || !string.Equals(tier, ticket.Tier, StringComparison.OrdinalIgnoreCase))
        {
            for (var i = 0; i < clocks.Count; i++)
            {
                var live = clocks[i];
                if (live.Clock.StoppedAt is null)
                {
                    live.Clock.ApplyPolicy(Effective(policy.Policy, live.Stored.CalendarId), priority, tier, at);
                    clocks[i] = live with { Stored = live.Stored with { Priority = priority, Tier = tier, PolicyVersion = policy.Policy.Version } };
                }
            }

            ticket = ticket with { Priority = priority, Tier = tier };
        }

        if (update.Status is { } statusText && !string.Equals(statusText, ticket.Status, StringComparison.OrdinalIgnoreCase))
        {
            ticket = ApplyStatus(ticket, clocks, statusText.ToLowerInvariant(), policy.Policy, at);
        }

        ticket = ticket with { Title = update.Title ?? ticket.Title, UpdatedAt = now };
        await session.SaveTicketAsync(ticket, cancellationToken);
        var scheduleAt = at > now ? at : now;
        foreach (var live in clocks)
        {
            await SaveAsync(session, live, scheduleAt, forceTimerId: null, cancellationToken);
        }

        return ticket;
    }

    /// <summary>
    /// Applies an SLA activity's effect inside a burst's transaction. Problems that cannot be the workflow's fault at this
    /// point (a clock event out of order, a policy removed meanwhile) are logged and skipped: they must not undo the burst.
    /// </summary>
    public async Task ApplyEffectAsync(ISlaSession session, SlaEffect effect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(effect);
        var at = effect.At.ToUniversalTime();
        var scheduleAt = at > now ? at : now;
        var existing = await LoadAsync(session, effect.SubjectId, cancellationToken);
        if (effect.Operation == SlaEffectOperations.Start)
        {
            await StartClocksAsync(session, effect, existing, at, scheduleAt, cancellationToken);
            return;
        }

        foreach (var live in existing.Where(c => effect.Metrics.Count == 0 || effect.Metrics.Contains(c.Stored.Metric)))
        {
            try
            {
                var result = effect.Operation switch
                {
                    SlaEffectOperations.Pause => live.Clock.Pause(string.IsNullOrWhiteSpace(effect.Reason) ? "paused" : effect.Reason, at),
                    SlaEffectOperations.Resume => live.Clock.Resume(at),
                    SlaEffectOperations.Stop => live.Clock.Stop(at),
                    _ => throw new SlaClockEventException("unknown-operation", $"'{effect.Operation}' is not an SLA clock operation."),
                };
                if (result == SlaClockEventResult.Applied)
                {
                    await SaveAsync(session, live, scheduleAt, forceTimerId: null, cancellationToken);
                }
            }
            catch (SlaClockEventException ex)
            {
                LogEffectSkipped(_logger, effect.Operation, effect.SubjectId, SlaMetrics.Name(live.Stored.Metric), ex.Message);
            }
        }
    }

    /// <summary>
    /// Handles a due threshold timer: re-checks the clock and, when the threshold is reached and has not fired, records the
    /// firing, moves the clock's other timers and stages the outbox message that publishes the event (leased by
    /// <paramref name="leaseOwner"/>). Otherwise (stale timer, already fired, clock gone) it only realigns the timer rows
    /// with the clock's state and returns null.
    /// </summary>
    public async Task<SlaFiring?> FireAsync(ISlaSession session, DueTimer timer, DateTimeOffset now, string leaseOwner, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(timer);
        string subjectId;
        SlaMetric metric;
        int percent;
        try
        {
            (subjectId, metric, percent) = SlaThresholdTimers.Read(timer);
        }
        catch (FormatException ex)
        {
            // Not ours to fire (written by hand, or by a broken build): drop it rather than retry it forever.
            LogBadTimer(_logger, timer.Id, ex.Message);
            await session.CancelTimersAsync([timer.Id], cancellationToken);
            return null;
        }

        var live = (await LoadAsync(session, subjectId, cancellationToken)).FirstOrDefault(c => c.Stored.Metric == metric);
        if (live is null)
        {
            await session.CancelTimersAsync([timer.Id], cancellationToken);
            return null;
        }

        var clock = live.Clock;
        if (!clock.TryFireThreshold(percent, now))
        {
            LogStaleTimer(_logger, timer.Id);
            await SaveAsync(session, live, now, forceTimerId: timer.Id, cancellationToken);
            return null;
        }

        var threshold = clock.Thresholds.First(t => t.Percent == percent);
        var ticket = live.Stored.SubjectType == SlaSubjectType.Ticket ? await session.FindTicketAsync(subjectId, cancellationToken) : null;
        var dueAt = live.Stored.ScheduledTimers.TryGetValue(percent, out var scheduled) ? scheduled : timer.DueAt;
        var payload = SlaThresholdEvent.Payload(live.Stored, clock, threshold, dueAt, now, ticket);
        var message = new OutboxMessage
        {
            Id = "sla-event/" + timer.Id,
            InstanceId = subjectId,
            Kind = OutboxKind,
            Payload = new JsonObject
            {
                ["eventName"] = SlaThresholdEvent.Name,
                ["correlationId"] = subjectId,
                ["idempotencyKey"] = timer.Id,
                ["payload"] = payload.DeepClone(),
            },
            CreatedAt = now,
        };
        await session.AddOutboxMessageAsync(message, leaseOwner, leaseUntil, cancellationToken);
        await SaveAsync(session, live, now, forceTimerId: null, cancellationToken);
        return new SlaFiring(message.Id, timer.Id, subjectId, payload);
    }

    /// <summary>
    /// Brings up to <see cref="SlaOptions.RecomputeBatchSize"/> open clocks to the latest version of their policy and
    /// calendar: new targets and thresholds (fired ones stay fired), business time re-counted, timers rescheduled.
    /// Returns how many clocks it updated; call again until it returns 0.
    /// </summary>
    public async Task<int> RecomputeOutdatedAsync(ISlaSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var outdated = await session.FindOutdatedClocksAsync(_options.RecomputeBatchSize, cancellationToken);
        foreach (var stored in outdated)
        {
            var policy = await RequirePolicyAsync(session, stored.PolicyId, string.Empty, cancellationToken);
            var calendarId = stored.CalendarOverridden ? stored.CalendarId : policy.Policy.CalendarId;
            var calendar = await session.GetCalendarAsync(calendarId, null, cancellationToken)
                ?? throw new InvalidOperationException($"The SLA policy '{policy.Policy.Id}' v{policy.Policy.Version} counts in calendar '{calendarId}', which does not exist.");
            var clock = SlaClock.FromState(stored.State with { CalendarId = calendar.Calendar.Id }, calendar.Calendar);
            var at = stored.State.LastEventAt is { } last && last > now ? last : now;
            clock.ApplyPolicy(Effective(policy.Policy, calendar.Calendar.Id), stored.Priority, stored.Tier, at);
            var updated = stored with { PolicyVersion = policy.Policy.Version, CalendarId = calendar.Calendar.Id, CalendarVersion = calendar.Version };
            await SaveAsync(session, new LiveClock(updated, clock), at, forceTimerId: null, cancellationToken);
        }

        return outdated.Count;
    }

    /// <summary>The clocks of a subject rebuilt with their calendars (response first); empty when it has none.</summary>
    public async Task<IReadOnlyList<(StoredSlaClock Stored, SlaClock Clock)>> GetClocksAsync(ISlaSession session, string subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [.. (await LoadAsync(session, subjectId, cancellationToken)).Select(c => (c.Stored, c.Clock))];
    }

    /// <summary>The policy version, or a pointer error naming <paramref name="pointer"/> (empty for the whole request).</summary>
    public static async Task<SlaPolicyVersion> RequirePolicyAsync(ISlaSession session, string policyId, string pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.GetPolicyAsync(policyId, null, cancellationToken)
            ?? throw new SlaDefinitionException("reference", [new DefinitionError(pointer, SlaErrorCodes.UnknownReference, $"There is no SLA policy '{policyId}'.")]);
    }

    /// <summary>The latest calendar version, or a pointer error naming <paramref name="pointer"/>.</summary>
    public static async Task<SlaCalendarVersion> RequireCalendarAsync(ISlaSession session, string calendarId, string pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.GetCalendarAsync(calendarId, null, cancellationToken)
            ?? throw new SlaDefinitionException("reference", [new DefinitionError(pointer, SlaErrorCodes.UnknownReference, $"There is no business calendar '{calendarId}'.")]);
    }

    /// <summary>The policy counting in another calendar (a client or team calendar), so a clock can be built for it.</summary>
    public static SlaPolicy Effective(SlaPolicy policy, string calendarId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return string.Equals(policy.CalendarId, calendarId, StringComparison.Ordinal) ? policy : policy with { CalendarId = calendarId };
    }

    private async Task StartClocksAsync(ISlaSession session, SlaEffect effect, List<LiveClock> existing, DateTimeOffset at, DateTimeOffset scheduleAt,
        CancellationToken cancellationToken)
    {
        var policy = await session.GetPolicyAsync(effect.PolicyId ?? _options.DefaultPolicyId, null, cancellationToken);
        var calendar = policy is null ? null : await session.GetCalendarAsync(effect.CalendarId ?? policy.Policy.CalendarId, null, cancellationToken);
        if (policy is null || calendar is null)
        {
            LogEffectSkipped(_logger, effect.Operation, effect.SubjectId, "all", "its policy or calendar does not exist (any more)");
            return;
        }

        var priority = effect.Priority ?? SlaPolicy.LowestPriority;
        foreach (var metric in effect.Metrics.Count == 0 ? SlaMetrics.All : effect.Metrics)
        {
            if (existing.Any(c => c.Stored.Metric == metric))
            {
                continue; // Started before (a re-run, or the ticket's own clock): the first start wins.
            }

            var clock = SlaClock.ForPolicy(Effective(policy.Policy, calendar.Calendar.Id), calendar.Calendar, effect.SubjectId, metric, priority, effect.Tier);
            clock.Start(at);
            var stored = NewStored(effect.SubjectId, effect.SubjectType, metric, policy, priority, effect.Tier, calendar, effect.CalendarId is not null, clock, scheduleAt);
            await SaveAsync(session, new LiveClock(stored, clock), scheduleAt, forceTimerId: null, cancellationToken);
        }
    }

    private static TrackedTicket ApplyStatus(TrackedTicket ticket, List<LiveClock> clocks, string status, SlaPolicy policy, DateTimeOffset at)
    {
        if (TicketStatuses.StopsClocks(status))
        {
            foreach (var live in clocks)
            {
                live.Clock.Stop(at);
            }

            return ticket with { Status = status, RespondedAt = ticket.RespondedAt ?? at, ResolvedAt = ticket.ResolvedAt ?? at };
        }

        if (TicketStatuses.CountsAsResponse(status) && ticket.RespondedAt is null)
        {
            clocks.FirstOrDefault(c => c.Stored.Metric == SlaMetric.Response)?.Clock.Stop(at);
            ticket = ticket with { RespondedAt = at };
        }

        var reason = policy.PauseReasonFor(status);
        foreach (var live in clocks.Where(c => c.Clock.StoppedAt is null))
        {
            if (reason is null)
            {
                live.Clock.Resume(at);
            }
            else
            {
                live.Clock.Pause(reason, at);
            }
        }

        return ticket with { Status = status };
    }

    private static StoredSlaClock NewStored(string subjectId, SlaSubjectType type, SlaMetric metric, SlaPolicyVersion policy, int priority, string? tier,
        SlaCalendarVersion calendar, bool calendarOverridden, SlaClock clock, DateTimeOffset now) => new()
    {
        SubjectId = subjectId,
        SubjectType = type,
        Metric = metric,
        PolicyId = policy.Policy.Id,
        PolicyVersion = policy.Policy.Version,
        Priority = priority,
        Tier = tier,
        CalendarId = calendar.Calendar.Id,
        CalendarVersion = calendar.Version,
        CalendarOverridden = calendarOverridden,
        State = clock.ToState(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static async Task<List<LiveClock>> LoadAsync(ISlaSession session, string subjectId, CancellationToken cancellationToken)
    {
        var clocks = new List<LiveClock>();
        foreach (var stored in await session.GetClocksAsync(subjectId, cancellationToken))
        {
            var calendar = await session.GetCalendarAsync(stored.CalendarId, stored.CalendarVersion, cancellationToken)
                ?? throw new InvalidOperationException($"The {SlaMetrics.Name(stored.Metric)} clock of '{subjectId}' counts in calendar '{stored.CalendarId}' v{stored.CalendarVersion}, which does not exist.");
            clocks.Add(new LiveClock(stored, SlaClock.FromState(stored.State, calendar.Calendar)));
        }

        return clocks;
    }

    /// <summary>
    /// Stages the clock's new state and makes its timer rows match its pending thresholds at <paramref name="now"/>:
    /// upserts new or moved ones (and <paramref name="forceTimerId"/>, the row being fired), deletes the rest.
    /// </summary>
    private static async Task SaveAsync(ISlaSession session, LiveClock live, DateTimeOffset now, string? forceTimerId, CancellationToken cancellationToken)
    {
        var stored = live.Stored;
        var clock = live.Clock;
        var previous = stored.ScheduledTimers;
        var scheduled = new Dictionary<int, DateTimeOffset>();
        foreach (var due in clock.PendingThresholds(now))
        {
            var timer = SlaThresholdTimers.Create(stored.SubjectId, stored.Metric, due.Percent, due.DueAt);
            scheduled[due.Percent] = timer.DueAt;
            if (!previous.TryGetValue(due.Percent, out var before) || before != timer.DueAt || string.Equals(timer.Id, forceTimerId, StringComparison.Ordinal))
            {
                await session.UpsertTimerAsync(timer, cancellationToken);
            }
        }

        var cancelled = previous.Keys.Where(p => !scheduled.ContainsKey(p)).Select(p => SlaThresholdTimers.IdFor(stored.SubjectId, stored.Metric, p)).ToList();
        if (forceTimerId is not null && !scheduled.Keys.Any(p => SlaThresholdTimers.IdFor(stored.SubjectId, stored.Metric, p) == forceTimerId) && !cancelled.Contains(forceTimerId))
        {
            cancelled.Add(forceTimerId);
        }

        if (cancelled.Count > 0)
        {
            await session.CancelTimersAsync(cancelled, cancellationToken);
        }

        await session.SaveClockAsync(stored with { State = clock.ToState(), ScheduledTimers = scheduled, UpdatedAt = now }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA {Operation} of {SubjectId} ({Metric}) skipped: {Reason}")]
    private static partial void LogEffectSkipped(ILogger logger, string operation, string subjectId, string metric, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA timer {TimerId} is stale (threshold not reached, or already fired); realigned with the clock")]
    private static partial void LogStaleTimer(ILogger logger, string timerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA timer {TimerId} is dropped: {Reason}")]
    private static partial void LogBadTimer(ILogger logger, string timerId, string reason);

    private sealed record LiveClock(StoredSlaClock Stored, SlaClock Clock);
}
