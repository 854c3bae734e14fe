using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Routing;

/// <summary>A decision table for routing: rules tried in order, the first match wins.</summary>
public sealed class RouteTable
{
    private static readonly string[] Columns = ["priority", "category", "slaStatus", "clientTier", "team", "authorityLevel"];

    private RouteTable(IReadOnlyList<RouteRule> rules)
    {
        Rules = rules;
    }

    public IReadOnlyList<RouteRule> Rules { get; }

    /// <summary>Reads the rules array; every problem is reported with its pointer (relative to the array). Unknown keys are kept by the studio and ignored here.</summary>
    public static RouteTable? TryParse(JsonNode? value, out IReadOnlyList<RouteTableProblem> problems)
    {
        var errors = new List<RouteTableProblem>();
        problems = errors;
        if (value is not JsonArray rows)
        {
            errors.Add(new RouteTableProblem(string.Empty, "The rules are a list of rows such as [{ \"priority\": \"1-2\", \"team\": \"Major incidents\", \"authorityLevel\": \"L3\" }]."));
            return null;
        }

        var rules = new List<RouteRule>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                errors.Add(new RouteTableProblem($"/{i}", $"Row {i + 1} is not an object of conditions and results."));
                continue;
            }

            if (!PriorityCondition.TryParse(row["priority"], out var priority, out var priorityError))
            {
                errors.Add(new RouteTableProblem($"/{i}/priority", $"Row {i + 1}: {priorityError}"));
            }

            var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var column in Columns.Skip(1))
            {
                if (!ReadText(row[column], out var text))
                {
                    errors.Add(new RouteTableProblem($"/{i}/{column}", $"Row {i + 1}: '{column}' is text."));
                }

                texts[column] = text;
            }

            if (texts["slaStatus"] is { } sla && EscalationSlaStatuses.Normalize(sla) is null)
            {
                errors.Add(new RouteTableProblem($"/{i}/slaStatus", $"Row {i + 1}: '{sla}' is not an SLA status; use {string.Join(", ", EscalationSlaStatuses.All)} or *."));
            }

            if (texts["team"] is null)
            {
                errors.Add(new RouteTableProblem($"/{i}/team", $"Row {i + 1} has no team: every row routes to a team."));
                continue;
            }

            rules.Add(new RouteRule
            {
                Priority = priority,
                Category = texts["category"],
                SlaStatus = texts["slaStatus"],
                ClientTier = texts["clientTier"],
                Team = texts["team"]!,
                AuthorityLevel = texts["authorityLevel"],
            });
        }

        return errors.Count == 0 ? new RouteTable(rules) : null;
    }

    /// <summary>The first rule that matches, with its explanation; null when none does.</summary>
    public RouteMatch? Match(RouteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Matches(facts))
            {
                return new RouteMatch(i, Rules[i],
                    $"Row {i + 1} matched ({Rules[i].Describe()}) for priority {(facts.Priority is { } p ? $"P{p}" : "unknown")}, category {facts.Category ?? "none"}, SLA status {facts.SlaStatus ?? "unknown"}, client tier {facts.ClientTier ?? "none"}: team {Rules[i].Team}{(Rules[i].AuthorityLevel is { } level ? $", authority {level}" : string.Empty)}.");
            }
        }

        return null;
    }

    /// <summary>Text cell: missing, empty or "*" mean any (null).</summary>
    private static bool ReadText(JsonNode? node, out string? text)
    {
        text = null;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var trimmed = JsonStrings.Get(value)!.Trim();
        text = trimmed.Length == 0 || trimmed == "*" ? null : trimmed;
        return true;
    }
}
