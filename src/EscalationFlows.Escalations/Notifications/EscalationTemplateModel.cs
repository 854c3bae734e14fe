using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Notifications;

/// <summary>
/// What message templates see as <c>escalation</c>: every member is always present (null when empty), so a template
/// that names a field renders on every record, and a misspelt one is an error.
/// </summary>
public static class EscalationTemplateModel
{
    public static JsonObject Build(EscalationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["id"] = record.Id,
            ["number"] = record.Number > 0 ? record.DisplayNumber : null,
            ["title"] = record.Title,
            ["description"] = record.Description,
            ["client"] = record.Client,
            ["clientContact"] = record.ClientContact,
            ["tier"] = record.Tier,
            ["category"] = record.Category,
            ["impact"] = record.Impact,
            ["urgency"] = record.Urgency,
            ["priority"] = record.Priority,
            ["severity"] = record.Severity,
            ["triggerReason"] = record.TriggerReason,
            ["stage"] = record.Stage,
            ["stageText"] = EscalationStageTexts.ForClient(record.Stage),
            ["owner"] = record.OwnerName,
            ["ownerId"] = record.OwnerId,
            ["handler"] = record.Handler,
            ["clientEmail"] = record.ClientEmail,
            ["team"] = record.ResolutionTeam,
            ["authorityLevel"] = record.AuthorityLevel,
            ["elevationLevel"] = record.ElevationLevel,
            ["elevation"] = ElevationLevels.Label(record.ElevationLevel),
            ["remediationPlan"] = record.RemediationPlan,
            ["resolutionDetails"] = record.ResolutionDetails,
            ["rootCauseCategory"] = record.RootCauseCategory,
            ["clientComment"] = record.ClientComment,
            ["sourceSystem"] = record.SourceSystem,
            ["externalTicketId"] = record.ExternalTicketId,
            ["externalTicketUrl"] = record.ExternalTicketUrl,
            ["reopenCount"] = record.ReopenCount,
            ["loopBackCount"] = record.LoopBackCount,
            ["slaStatus"] = record.SlaStatus,
            ["summary"] = record.Summary is null ? null : string.Join(" ", record.Summary.Sentences.Select(s => s.Text)),
            ["criteriaMatched"] = new JsonArray([.. record.CriteriaMatched.Select(c => JsonValue.Create(c))]),
            ["priorAttempts"] = new JsonArray([.. record.PriorAttempts.Select(c => JsonValue.Create(c))]),
            ["resolutionDueAt"] = Text(record.ResolutionDueAt),
            ["openedAt"] = Text(record.OpenedAt),
        };
    }

    private static string? Text(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
