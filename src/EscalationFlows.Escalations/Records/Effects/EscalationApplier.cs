using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Escalations.Storage;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>
/// The rules of an escalation record: applies one <see cref="EscalationEffect"/> to the record as it is inside the
/// committing transaction and returns the record after it plus the rows to add (timeline, communications, stage owners,
/// outbox messages). Storage-free; the EF participant and the in-memory store both use it.
/// <para>
/// Stage ownership: entering a stage names its owner — the one the change gives, else the escalation owner (except for
/// triage and the return to the handler), else the previous stage's owner, else nobody yet (the stage waits in a queue).
/// Naming the escalation owner also names the current stage's owner; so does completing a human task of the stage.
/// </para>
/// </summary>
public sealed class EscalationApplier
{
    private readonly EscalationMessageRenderer _renderer;

    public EscalationApplier(EscalationMessageRenderer renderer)
    {
        _renderer = renderer;
    }

    /// <exception cref="EscalationApplyException">The effect cannot apply to this record.</exception>
    public async Task<EscalationChangeSet> ApplyAsync(EscalationRecord? current, EscalationEffect effect, string instanceId, IEscalationApplyServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(services);
        var work = new Work(effect, await ResolveActorAsync(effect.Actor, services, cancellationToken));
        EscalationRecord record;
        var created = false;
        if (effect.Open is { } open)
        {
            if (current is not null)
            {
                throw new EscalationApplyException($"Escalation '{effect.EscalationId}' exists already; it is opened once.");
            }

            record = Open(effect, open, await services.NextNumberAsync(cancellationToken));
            created = true;
            work.Note(record, "opened", $"{record.DisplayNumber} opened by {work.ActorName} ({Describe(open.TriggerReason)}): {open.Title}",
                new JsonObject { ["triggerReason"] = open.TriggerReason, ["ticketId"] = open.TicketId, ["externalTicketId"] = open.ExternalTicketId });
            work.Owner(record, EscalationStages.Triage, null, record.StageOwnerName!, "new escalations wait for an escalation manager");
        }
        else
        {
            record = current ?? throw new EscalationApplyException($"There is no escalation '{effect.EscalationId}'.");
        }

        if (effect.Set is { } set)
        {
            record = ApplyFields(record, set, effect.At);
        }

        if (effect.Stage is { } stage)
        {
            record = await ChangeStageAsync(record, stage, work, services, cancellationToken);
        }

        if (effect.AssignOwner is { } assign)
        {
            var owner = await services.FindUserAsync(assign.Owner, cancellationToken)
                ?? throw new EscalationApplyException($"'{assign.Owner}' is not an active user; an escalation owner must be one.");
            record = record with { OwnerId = owner.Id, OwnerName = owner.DisplayName, OwnerReason = assign.Reason };
            work.Note(record, "assigned", $"{owner.DisplayName} owns {record.DisplayNumber}: {assign.Reason}", new JsonObject { ["ownerId"] = owner.Id });
            record = NameStageOwner(record, owner.Id, owner.DisplayName, assign.Reason, work);
        }

        if (effect.StageOwner is { } naming && await ResolveOwnerAsync(naming.Owner, services, cancellationToken) is { } named)
        {
            record = NameStageOwner(record, named.Id, named.Name, naming.Reason, work);
        }

        if (effect.RaiseElevation)
        {
            record = record with { ElevationLevel = Math.Min(ElevationLevels.Highest, record.ElevationLevel + 1) };
        }

        if (effect.CountLoopBack)
        {
            record = record with { LoopBackCount = record.LoopBackCount + 1 };
        }

        if (effect.CountReopen)
        {
            record = record with { ReopenCount = record.ReopenCount + 1 };
        }

        foreach (var note in effect.Timeline)
        {
            work.Note(record, note.Kind, note.Text, note.Details);
        }

        foreach (var message in effect.Messages)
        {
            await SendAsync(record, message, instanceId, work, services, cancellationToken);
        }

        foreach (var inbound in effect.Inbound)
        {
            work.Communication(record, new CommunicationEntry
            {
                Sequence = 0,
                At = effect.At,
                Direction = CommunicationEntry.Inbound,
                Channel = inbound.Channel,
                Audience = inbound.From,
                Subject = inbound.Subject,
                Body = inbound.Body,
                Status = CommunicationStatuses.Received,
                Purpose = inbound.Purpose,
                Actor = work.ActorName,
            });
        }

        record = record with
        {
            UpdatedAt = effect.At,
            TimelineCount = record.TimelineCount + work.Timeline.Count,
            CommunicationCount = record.CommunicationCount + work.Communications.Count,
            StageOwnerCount = record.StageOwnerCount + work.StageOwners.Count,
        };
        return new EscalationChangeSet
        {
            Record = record,
            Created = created,
            Timeline = work.Timeline,
            Communications = work.Communications,
            StageOwners = work.StageOwners,
            Outbox = work.Outbox,
            IssueClientLink = effect.IssueClientLink,
            UseClientLinkId = effect.UseClientLinkId,
            RevokeClientLinkId = effect.RevokeClientLinkId,
            Cursor = effect.Cursor,
        };
    }

    /// <summary>A plain description of a trigger reason.</summary>
    public static string Describe(string triggerReason) => triggerReason switch
    {
        TriggerReasons.SlaRisk => "SLA at risk",
        TriggerReasons.SlaBreach => "SLA breached",
        TriggerReasons.ClientRequest => "requested by the client",
        TriggerReasons.ManualFlag => "flagged by the handler",
        _ => triggerReason,
    };

    private static EscalationRecord Open(EscalationEffect effect, EscalationOpening open, long number) => new()
    {
        Id = effect.EscalationId,
        Number = number,
        SourceSystem = open.SourceSystem,
        ExternalTicketId = open.ExternalTicketId,
        ExternalTicketUrl = open.ExternalTicketUrl,
        TicketId = open.TicketId,
        Client = open.Client,
        ClientEmail = open.ClientEmail,
        ClientContact = open.ClientContact,
        AccountId = open.AccountId,
        Account = (JsonObject?)open.Account?.DeepClone(),
        Tier = open.Tier,
        Title = open.Title,
        Description = open.Description,
        Category = open.Category,
        Impact = open.Impact,
        Urgency = open.Urgency,
        Priority = open.Priority,
        Severity = open.Severity,
        TriggerReason = open.TriggerReason,
        Handler = open.Handler,
        Stakeholders = [.. open.Stakeholders],
        PriorAttempts = [.. open.PriorAttempts],
        Flagged = open.Flagged,
        FlagReason = open.FlagReason,
        ResponseDueAt = open.ResponseDueAt,
        ResolutionDueAt = open.ResolutionDueAt,
        SlaStatus = open.SlaStatus,
        Stage = EscalationStages.Triage,
        StageSince = effect.At,
        StageOwnerName = "escalation managers",
        TriggerInstanceId = open.TriggerInstanceId,
        OpenedAt = effect.At,
        UpdatedAt = effect.At,
    };

    private static EscalationRecord ApplyFields(EscalationRecord record, EscalationFieldChanges set, DateTimeOffset at) => record with
    {
        Title = set.Title ?? record.Title,
        Description = set.Description ?? record.Description,
        Category = set.Category ?? record.Category,
        Impact = set.Impact ?? record.Impact,
        Urgency = set.Urgency ?? record.Urgency,
        Priority = set.Priority ?? record.Priority,
        Severity = set.Severity ?? record.Severity,
        SeverityReasons = set.SeverityReasons ?? record.SeverityReasons,
        Tier = set.Tier ?? record.Tier,
        ResolutionTeam = set.ResolutionTeam ?? record.ResolutionTeam,
        AuthorityLevel = set.AuthorityLevel ?? record.AuthorityLevel,
        RoutingExplanation = set.RoutingExplanation ?? record.RoutingExplanation,
        CriteriaMatched = set.CriteriaMatched ?? record.CriteriaMatched,
        Flagged = set.Flagged ?? record.Flagged,
        FlagReason = set.FlagReason ?? record.FlagReason,
        PriorAttempts = set.AddPriorAttempts is { } attempts ? [.. record.PriorAttempts, .. attempts] : record.PriorAttempts,
        RemediationPlan = set.RemediationPlan ?? record.RemediationPlan,
        ResolutionDetails = set.ResolutionDetails ?? record.ResolutionDetails,
        RootCauseCategory = set.RootCauseCategory ?? record.RootCauseCategory,
        PreventiveActions = set.PreventiveActions ?? record.PreventiveActions,
        ProcessChanges = set.ProcessChanges ?? record.ProcessChanges,
        ReviewNotes = set.ReviewNotes ?? record.ReviewNotes,
        ClientConfirmation = set.ClientConfirmation ?? record.ClientConfirmation,
        ClientComment = set.ClientComment ?? record.ClientComment,
        SlaStatus = EscalationSlaStatuses.Normalize(set.SlaStatus) ?? record.SlaStatus,
        ResponseDueAt = set.ResponseDueAt ?? record.ResponseDueAt,
        ResolutionDueAt = set.ResolutionDueAt ?? record.ResolutionDueAt,
        Summary = set.Summary ?? record.Summary,
        SummaryAt = set.Summary is null ? record.SummaryAt : at,
        Stakeholders = set.AddStakeholders is { } more
            ? [.. record.Stakeholders.Concat(more).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase)]
            : record.Stakeholders,
    };

    private static async Task<EscalationRecord> ChangeStageAsync(EscalationRecord record, StageChange change, Work work, IEscalationApplyServices services,
        CancellationToken cancellationToken)
    {
        var target = EscalationStages.Normalize(change.Stage)
            ?? throw new EscalationApplyException($"'{change.Stage}' is not a stage; use one of {string.Join(", ", EscalationStages.All)}.");
        if (EscalationStages.IsFinal(record.Stage) && target != record.Stage)
        {
            throw new EscalationApplyException($"{record.DisplayNumber} is {record.Stage}; a finished escalation does not move to {target}.");
        }

        (string? Id, string Name)? owner = null;
        if (change.Owner is { Length: > 0 } given)
        {
            owner = await ResolveOwnerAsync(given, services, cancellationToken);
        }

        if (owner is null && target == EscalationStages.ReturnedToHandler && record.Handler is { } handler)
        {
            owner = await ResolveOwnerAsync(handler, services, cancellationToken);
        }

        if (owner is null && record.OwnerId is not null && target is not (EscalationStages.Triage or EscalationStages.ReturnedToHandler))
        {
            owner = (record.OwnerId, record.OwnerName ?? record.OwnerId);
        }

        if (owner is null && record.StageOwnerId is not null)
        {
            owner = (record.StageOwnerId, record.StageOwnerName ?? record.StageOwnerId);
        }

        var (ownerId, ownerName) = owner ?? (null, change.Queue ?? "unassigned");
        var from = record.Stage;
        record = record with
        {
            Stage = target,
            StageSince = from == target ? record.StageSince : work.Effect.At,
            StageOwnerId = ownerId,
            StageOwnerName = ownerName,
            ClosedAt = target == EscalationStages.Closed ? work.Effect.At : record.ClosedAt,
        };
        var text = from == target
            ? $"{target} again; owner {ownerName}: {change.Reason}"
            : $"Stage {from} → {target}; owner {ownerName}: {change.Reason}";
        work.Note(record, "stage-changed", text, new JsonObject { ["from"] = from, ["to"] = target, ["ownerId"] = ownerId });
        work.Owner(record, target, ownerId, ownerName, change.Reason);
        return record;
    }

    private static EscalationRecord NameStageOwner(EscalationRecord record, string? ownerId, string ownerName, string reason, Work work)
    {
        if (string.Equals(record.StageOwnerId ?? record.StageOwnerName, ownerId ?? ownerName, StringComparison.Ordinal))
        {
            return record;
        }

        record = record with { StageOwnerId = ownerId, StageOwnerName = ownerName };
        work.Owner(record, record.Stage, ownerId, ownerName, reason);
        work.Note(record, "stage-owner", $"{ownerName} owns {record.Stage}: {reason}", new JsonObject { ["stage"] = record.Stage, ["ownerId"] = ownerId });
        return record;
    }

    private async Task SendAsync(EscalationRecord record, OutgoingMessage message, string instanceId, Work work, IEscalationApplyServices services,
        CancellationToken cancellationToken)
    {
        RenderedMessage rendered;
        try
        {
            rendered = _renderer.Render(message, record, cancellationToken);
        }
        catch (ExpressionException ex)
        {
            // The activity checked the templates before; a message that still cannot render is logged, never sent, and never fails the step.
            work.Communication(record, new CommunicationEntry
            {
                Sequence = 0,
                At = work.Effect.At,
                Direction = CommunicationEntry.Outbound,
                Channel = message.Channel,
                Audience = message.Audience,
                Body = ex.Message,
                Status = CommunicationStatuses.RenderFailed,
                Purpose = message.Purpose,
                Actor = work.ActorName,
            });
            work.Note(record, "message-not-sent", $"A message for the {message.Audience} could not be rendered: {ex.Message}");
            return;
        }

        var recipients = message.Channel == CommunicationChannels.InApp
            ? []
            : await RecipientsAsync(record, message, services, cancellationToken);
        string status;
        if (message.Channel == CommunicationChannels.InApp)
        {
            status = CommunicationStatuses.Posted;
        }
        else if (recipients.Count == 0)
        {
            status = CommunicationStatuses.NoRecipient;
        }
        else
        {
            status = CommunicationStatuses.Queued;
            work.Outbox.Add(new OutboxMessage
            {
                Id = message.Id,
                InstanceId = instanceId,
                Kind = message.Channel == CommunicationChannels.Webhook ? WebhookOutbox.Kind : MailOutbox.Kind,
                Payload = message.Channel == CommunicationChannels.Webhook
                    ? new JsonObject { ["url"] = recipients[0], ["body"] = rendered.Text, ["headers"] = message.WebhookHeaders?.DeepClone() ?? new JsonObject() }
                    : MailPayload(recipients, rendered),
                CreatedAt = work.Effect.At,
            });
        }

        work.Communication(record, new CommunicationEntry
        {
            Sequence = 0,
            At = work.Effect.At,
            Direction = CommunicationEntry.Outbound,
            Channel = message.Channel,
            Audience = message.Audience,
            To = recipients,
            Subject = rendered.Subject,
            Body = rendered.Text,
            Status = status,
            OutboxMessageId = status == CommunicationStatuses.Queued ? message.Id : null,
            Purpose = message.Purpose,
            Actor = work.ActorName,
        });
        var where = message.Channel switch
        {
            CommunicationChannels.InApp => $"Message posted for the {message.Audience} on the client page",
            CommunicationChannels.Webhook => $"Webhook for the {message.Audience} to {string.Join(", ", recipients)}",
            _ => recipients.Count == 0 ? $"No email sent to the {message.Audience}: no address is known" : $"Email to the {message.Audience} ({string.Join(", ", recipients)})",
        };
        work.Note(record, status == CommunicationStatuses.NoRecipient ? "message-not-sent" : "message-sent", $"{where}: {rendered.Subject}",
            new JsonObject { ["purpose"] = message.Purpose, ["outboxMessageId"] = status == CommunicationStatuses.Queued ? message.Id : null });
    }

    private static JsonObject MailPayload(IReadOnlyList<string> recipients, RenderedMessage rendered)
    {
        var payload = new JsonObject
        {
            ["to"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]),
            ["cc"] = new JsonArray(),
            ["subject"] = rendered.Subject,
            ["textBody"] = rendered.Text,
        };
        if (rendered.Html is not null)
        {
            payload["htmlBody"] = rendered.Html;
        }

        payload["replyTo"] = null;
        return payload;
    }

    private static async Task<IReadOnlyList<string>> RecipientsAsync(EscalationRecord record, OutgoingMessage message, IEscalationApplyServices services,
        CancellationToken cancellationToken)
    {
        if (message.Channel == CommunicationChannels.Webhook)
        {
            return string.IsNullOrWhiteSpace(message.WebhookUrl) ? [] : [message.WebhookUrl];
        }

        var wanted = new List<string?>();
        if (message.To.Count > 0)
        {
            wanted.AddRange(message.To);
        }
        else
        {
            switch (message.Audience)
            {
                case MessageAudiences.Client:
                    wanted.Add(record.ClientEmail);
                    break;
                case MessageAudiences.Owner:
                    wanted.Add(record.OwnerId);
                    break;
                case MessageAudiences.Handler:
                    wanted.Add(record.Handler);
                    break;
                case MessageAudiences.Stakeholders:
                    wanted.AddRange(record.Stakeholders);
                    wanted.Add(record.Handler);
                    wanted.Add(record.OwnerId);
                    break;
                case MessageAudiences.Leadership:
                    wanted.AddRange((await services.UsersInRoleAsync("leadership", cancellationToken)).Select(u => u.Id));
                    break;
            }
        }

        var addresses = new List<string>();
        foreach (var who in wanted.Where(w => !string.IsNullOrWhiteSpace(w)))
        {
            var user = await services.FindUserAsync(who!, cancellationToken);
            var address = user?.Email ?? (who!.Contains('@', StringComparison.Ordinal) ? who.Trim() : null);
            if (address is not null && !addresses.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    private static async Task<(string? Id, string Name)?> ResolveOwnerAsync(string owner, IEscalationApplyServices services, CancellationToken cancellationToken)
    {
        if (await services.FindUserAsync(owner, cancellationToken) is { } user)
        {
            return (user.Id, user.DisplayName);
        }

        return owner.Contains('@', StringComparison.Ordinal) ? (null, owner.Trim()) : null;
    }

    private static async Task<(string Id, string Name)> ResolveActorAsync(string actor, IEscalationApplyServices services, CancellationToken cancellationToken)
    {
        if (actor is EscalationEffect.SystemActor or "client" || actor.StartsWith("client-link:", StringComparison.Ordinal))
        {
            return (actor, actor.StartsWith("client-link:", StringComparison.Ordinal) ? "client" : actor);
        }

        var user = await services.FindUserAsync(actor, cancellationToken);
        return (actor, user?.DisplayName ?? actor);
    }

    /// <summary>The rows one application adds, numbered after the record's existing ones.</summary>
    private sealed class Work(EscalationEffect effect, (string Id, string Name) actor)
    {
        public EscalationEffect Effect { get; } = effect;

        public string ActorId { get; } = actor.Id;

        public string ActorName { get; } = actor.Name;

        public List<TimelineEvent> Timeline { get; } = [];

        public List<CommunicationEntry> Communications { get; } = [];

        public List<StageOwnerEntry> StageOwners { get; } = [];

        public List<OutboxMessage> Outbox { get; } = [];

        public void Note(EscalationRecord record, string kind, string text, JsonObject? details = null) =>
            Timeline.Add(new TimelineEvent
            {
                Sequence = record.TimelineCount + Timeline.Count + 1,
                At = Effect.At,
                ActorId = ActorId,
                Actor = ActorName,
                Kind = kind,
                Text = text,
                Source = Effect.Source,
                Details = (JsonObject?)details?.DeepClone(),
            });

        public void Communication(EscalationRecord record, CommunicationEntry entry) =>
            Communications.Add(entry with { Sequence = record.CommunicationCount + Communications.Count + 1 });

        public void Owner(EscalationRecord record, string stage, string? ownerId, string ownerName, string reason) =>
            StageOwners.Add(new StageOwnerEntry
            {
                Sequence = record.StageOwnerCount + StageOwners.Count + 1,
                Stage = stage,
                OwnerId = ownerId,
                OwnerName = ownerName,
                At = Effect.At,
                Reason = reason,
                Actor = ActorName,
            });
    }
}
