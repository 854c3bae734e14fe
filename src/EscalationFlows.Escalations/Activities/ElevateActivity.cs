using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Raises the elevation level (resolution team → senior specialist → operations leadership), re-routes to the team of
/// the new level and notifies leadership. At the top level nothing is raised (<c>AtTop</c>) but leadership still hears.
/// Exceptional remediation is approved by a leadership human task after this step (see the escalation-trigger workflow).
/// </summary>
public sealed class ElevateActivity : Activity
{
    public const string ElevatedPort = "Elevated";
    public const string AtTopPort = "AtTop";

    public static JsonObject DefaultTeams { get; } = new()
    {
        [ElevationLevels.Name(ElevationLevels.SeniorSpecialist)] = "Senior specialists",
        [ElevationLevels.Name(ElevationLevels.OperationsLeadership)] = "Operations leadership",
    };

    public static JsonObject DefaultAuthorityLevels { get; } = new()
    {
        [ElevationLevels.Name(ElevationLevels.SeniorSpecialist)] = "L3",
        [ElevationLevels.Name(ElevationLevels.OperationsLeadership)] = "L4",
    };

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.Elevate",
        Category = Category,
        DisplayName = "Elevate",
        Description = "Raises the elevation level (team → senior specialist → operations leadership), re-routes to that level's team and notifies leadership.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "reason", DisplayName = "Why", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "reroute", DisplayName = "Re-route to the level's team", Type = "boolean", Default = true, UiHint = "checkbox" },
            new InputDescriptor { Name = "teams", DisplayName = "Team per level", Description = "{ \"senior-specialist\": team, \"operations-leadership\": team }.", Type = "object", Default = DefaultTeams.DeepClone(), UiHint = "json" },
            new InputDescriptor { Name = "authorityLevels", DisplayName = "Authority per level", Type = "object", Default = DefaultAuthorityLevels.DeepClone(), UiHint = "json" },
            new InputDescriptor { Name = "notifyLeadership", DisplayName = "Notify leadership", Type = "boolean", Default = true, UiHint = "checkbox" },
            MessageInputs.Subject("subject", "Leadership subject", MessageTemplates.ElevationSubject),
            MessageInputs.Body("body", "Leadership text", MessageTemplates.ElevationBody),
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "level", Type = "integer", Description = "1 team, 2 senior specialist, 3 operations leadership." },
            new OutputDescriptor { Name = "levelName", Type = "string" },
            new OutputDescriptor { Name = "team", Type = "string", Description = "The team of the new level (or the current team)." },
            new OutputDescriptor { Name = "authorityLevel", Type = "string" },
        ],
        Ports = [ElevatedPort, AtTopPort],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        TemplateChecks.Check(node, context, "subject");
        TemplateChecks.Check(node, context, "body");
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var record = await RequireRecordAsync(context, escalationId);
        var reason = Text(context, "reason") ?? "elevation requested";
        var atTop = record.ElevationLevel >= ElevationLevels.Highest;
        var level = atTop ? record.ElevationLevel : record.ElevationLevel + 1;
        var levelName = ElevationLevels.Name(level);
        var team = record.ResolutionTeam;
        var authority = record.AuthorityLevel;
        if (!atTop && Flag(context, "reroute", fallback: true))
        {
            team = JsonStrings.Get((context.GetInput("teams") as JsonObject)?[levelName]) ?? team;
            authority = JsonStrings.Get((context.GetInput("authorityLevels") as JsonObject)?[levelName]) ?? authority;
        }

        var effect = NewEffect(context, escalationId) with
        {
            RaiseElevation = !atTop,
            Set = new EscalationFieldChanges { ResolutionTeam = team, AuthorityLevel = authority },
            Timeline =
            [
                new TimelineNote(atTop ? "elevation-at-top" : "elevated", atTop
                    ? $"Elevation asked but {record.DisplayNumber} is already with {ElevationLevels.Label(level)}: {reason}"
                    : $"Elevated from {ElevationLevels.Label(record.ElevationLevel)} to {ElevationLevels.Label(level)}{(team is null ? string.Empty : $", team {team}")}: {reason}",
                    new JsonObject { ["from"] = record.ElevationLevel, ["to"] = level, ["team"] = team }),
            ],
        };
        if (Flag(context, "notifyLeadership", fallback: true))
        {
            var message = new OutgoingMessage
            {
                Id = context.NewId(),
                Audience = MessageAudiences.Leadership,
                Channel = CommunicationChannels.Email,
                SubjectTemplate = context.GetInputString("subject") ?? MessageTemplates.ElevationSubject,
                BodyTemplate = context.GetInputString("body") ?? MessageTemplates.ElevationBody,
                Data = new JsonObject { ["reason"] = reason, ["level"] = level, ["levelName"] = levelName },
                Purpose = "elevation",
            };
            await NotifyActivity.PreviewAsync(context, escalationId, message);
            effect = effect with { Messages = [message] };
        }

        Record(context, effect);
        context.SetOutput("level", level);
        context.SetOutput("levelName", levelName);
        context.SetOutput("team", team);
        context.SetOutput("authorityLevel", authority);
        return ActivityResult.Outcome(atTop ? AtTopPort : ElevatedPort);
    }
}
