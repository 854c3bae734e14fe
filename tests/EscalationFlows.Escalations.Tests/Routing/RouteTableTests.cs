using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Routing;

namespace EscalationFlows.Escalations.Tests.Routing;

/// <summary>The decision table of Escalations.Route as the triage workflow ships it: first match wins, and it says why.</summary>
public sealed class RouteTableTests
{
    private static RouteTable Shipped()
    {
        var rules = JsonNode.Parse("""
            [
              { "category": "network", "team": "Network", "authorityLevel": "L2" },
              { "category": "billing", "team": "Billing", "authorityLevel": "L2" },
              { "priority": "P1-P2", "clientTier": "platinum", "team": "Applications", "authorityLevel": "L3" },
              { "priority": "P1-P2", "slaStatus": "breached", "team": "Applications", "authorityLevel": "L3" },
              { "priority": "*", "team": "Applications", "authorityLevel": "L2" }
            ]
            """);
        var table = RouteTable.TryParse(rules, out var problems);
        Assert.Empty(problems);
        return table!;
    }

    [Theory]
    [InlineData(3, "Network", null, "gold", 0, "Network", "L2")]
    [InlineData(1, "crm", null, "Platinum", 2, "Applications", "L3")]
    [InlineData(2, "crm", "breached", "gold", 3, "Applications", "L3")]
    [InlineData(3, "crm", "breached", "platinum", 4, "Applications", "L2")]
    [InlineData(null, null, null, null, 4, "Applications", "L2")]
    public void The_first_matching_row_routes(int? priority, string? category, string? slaStatus, string? tier, int row, string team, string authority)
    {
        var match = Shipped().Match(new RouteFacts(priority, category, slaStatus, tier))!;

        Assert.Equal((row, team, authority), (match.Index, match.Rule.Team, match.Rule.AuthorityLevel));
        Assert.StartsWith($"Row {row + 1} matched", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_catch_all_row_nothing_matches_and_a_bad_row_is_reported()
    {
        var table = RouteTable.TryParse(JsonNode.Parse("""[{ "category": "network", "team": "Network" }]"""), out _)!;
        Assert.Null(table.Match(new RouteFacts(2, "crm", null, null)));

        Assert.Null(RouteTable.TryParse(JsonNode.Parse("""[{ "category": "network" }]"""), out var problems));
        Assert.Contains(problems, p => p.Pointer.StartsWith("/0", StringComparison.Ordinal));
    }
}
