using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Routing;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Picks the resolution team and authority level from a decision table: the first row whose conditions (priority —
/// a number or a range such as "1-2" —, category, SLA status, client tier; missing or "*" = any) match. The rows are the
/// literal JSON array the studio's decision-table editor writes. No match: the default team when one is given, else
/// <c>Unrouted</c>.
/// </summary>
public sealed class RouteActivity : Activity
{
    public const string RoutedPort = "Routed";
    public const string UnroutedPort = "Unrouted";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.Route",
        Category = Category,
        DisplayName = "Route",
        Description = "Picks a resolution team and authority level from a decision table (first matching row over priority, category, SLA status and client tier).",
        Inputs =
        [
            EscalationId,
            new InputDescriptor
            {
                Name = "rules",
                DisplayName = "Rules",
                Description = "Rows { priority, category, slaStatus, clientTier, team, authorityLevel }, first match wins; a missing or \"*\" condition matches anything; priority may be a range such as \"1-2\".",
                Type = "array",
                Required = true,
                SupportsExpressions = false,
                UiHint = "decision-table",
            },
            new InputDescriptor { Name = "priority", DisplayName = "Priority", Type = "integer", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "category", DisplayName = "Category", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "slaStatus", DisplayName = "SLA status", Description = "onTrack, atRisk, breached, paused or met.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "clientTier", DisplayName = "Client tier", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "defaultTeam", DisplayName = "Default team", Description = "Used when no row matches (else the Unrouted port).", Type = "string" },
            new InputDescriptor { Name = "defaultAuthorityLevel", DisplayName = "Default authority level", Type = "string" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "team", Type = "string" },
            new OutputDescriptor { Name = "authorityLevel", Type = "string" },
            new OutputDescriptor { Name = "matchedRow", Type = "object", Description = "{ index (from 0), row (from 1), conditions } of the row that matched; null for the default." },
            new OutputDescriptor { Name = "explanation", Type = "string" },
        ],
        Ports = [RoutedPort, UnroutedPort],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput("rules")?.Expression is { Type: ExpressionType.Literal } rules)
        {
            RouteTable.TryParse(rules.Value, out var problems);
            foreach (var problem in problems)
            {
                context.AddError(ValuePointer(context, "rules") + problem.Pointer, DefinitionErrorCodes.InvalidValue, problem.Message);
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var table = RouteTable.TryParse(context.GetInput("rules"), out var problems)
            ?? throw new WorkflowFaultException("route-rules-invalid", $"The rules of '{context.Node.DisplayName}' are not valid: {string.Join(" ", problems.Select(p => p.Message))}");
        var facts = new RouteFacts(Integer(context, "priority"), Text(context, "category"), Text(context, "slaStatus"), Text(context, "clientTier"));
        var match = table.Match(facts);
        var effect = NewEffect(context, escalationId);
        string team;
        string? authority;
        string explanation;
        JsonObject? matchedRow = null;
        if (match is not null)
        {
            (team, authority, explanation) = (match.Rule.Team, match.Rule.AuthorityLevel, match.Explanation);
            matchedRow = new JsonObject
            {
                ["index"] = match.Index,
                ["row"] = match.Index + 1,
                ["conditions"] = new JsonObject
                {
                    ["priority"] = match.Rule.Priority.ToString(),
                    ["category"] = match.Rule.Category ?? "*",
                    ["slaStatus"] = match.Rule.SlaStatus ?? "*",
                    ["clientTier"] = match.Rule.ClientTier ?? "*",
                },
            };
        }
        else if (Text(context, "defaultTeam") is { } fallback)
        {
            (team, authority) = (fallback, Text(context, "defaultAuthorityLevel"));
            explanation = $"No row of {table.Rules.Count} matched (priority {(facts.Priority is { } p ? $"P{p}" : "unknown")}, category {facts.Category ?? "none"}, SLA status {facts.SlaStatus ?? "unknown"}, client tier {facts.ClientTier ?? "none"}): default team {team}.";
        }
        else
        {
            explanation = $"No row of {table.Rules.Count} matched (priority {(facts.Priority is { } p ? $"P{p}" : "unknown")}, category {facts.Category ?? "none"}, SLA status {facts.SlaStatus ?? "unknown"}, client tier {facts.ClientTier ?? "none"}) and there is no default team.";
            Record(context, effect with { Timeline = [new TimelineNote("not-routed", explanation)] });
            context.SetOutput("explanation", explanation);
            return ValueTask.FromResult(ActivityResult.Outcome(UnroutedPort));
        }

        Record(context, effect with
        {
            Set = new EscalationFieldChanges { ResolutionTeam = team, AuthorityLevel = authority, RoutingExplanation = explanation },
            Timeline = [new TimelineNote("routed", explanation, new JsonObject { ["team"] = team, ["authorityLevel"] = authority, ["matchedRow"] = matchedRow?.DeepClone() })],
        });
        context.SetOutput("team", team);
        context.SetOutput("authorityLevel", authority);
        context.SetOutput("matchedRow", matchedRow);
        context.SetOutput("explanation", explanation);
        return ValueTask.FromResult(ActivityResult.Outcome(RoutedPort));
    }
}
