using System.Globalization;
using EscalationFlows.Escalations.Storage;

namespace EscalationFlows.Escalations.Assignment;

/// <summary>The assignment strategies as pure functions of the team, the members' load and the round-robin cursor.</summary>
public static class OwnerSelector
{
    /// <summary>The member after <paramref name="lastUserId"/> in user-id order (the first when none or unknown); null for an empty team.</summary>
    public static AssignmentDecision? RoundRobin(DirectoryTeam team, string? lastUserId)
    {
        ArgumentNullException.ThrowIfNull(team);
        var members = Ordered(team.Members);
        if (members.Count == 0)
        {
            return null;
        }

        var next = lastUserId is null ? null : members.FirstOrDefault(m => string.CompareOrdinal(m.Id, lastUserId) > 0);
        var owner = next ?? members[0];
        var turn = members.IndexOf(owner) + 1;
        var reason = lastUserId is null
            ? $"round-robin in {team.Name}: first turn, member 1 of {members.Count}"
            : $"round-robin in {team.Name}: next turn after the previous assignee, member {turn} of {members.Count}";
        return new AssignmentDecision(owner, AssignmentStrategies.RoundRobin, [.. members.Select(m => m.Id)], reason);
    }

    /// <summary>The member of <paramref name="among"/> (default: the whole team) with the fewest open escalations.</summary>
    public static AssignmentDecision? LeastLoaded(DirectoryTeam team, IReadOnlyDictionary<string, int> load, IReadOnlyList<DirectoryUser>? among = null, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(load);
        var members = Ordered(among ?? team.Members);
        if (members.Count == 0)
        {
            return null;
        }

        var owner = members.OrderBy(m => load.GetValueOrDefault(m.Id)).ThenBy(m => m.Id, StringComparer.Ordinal).First();
        var others = members.Where(m => m.Id != owner.Id).Select(m => $"{m.DisplayName} {Open(load.GetValueOrDefault(m.Id))}");
        var reason = $"{prefix}least loaded in {team.Name}: {Open(load.GetValueOrDefault(owner.Id))}"
            + (members.Count > 1 ? $" (others: {string.Join(", ", others)})" : " (the only candidate)");
        return new AssignmentDecision(owner, AssignmentStrategies.LeastLoaded, [.. members.Select(m => m.Id)], reason);
    }

    /// <summary>Members whose skills include <paramref name="category"/>, least loaded first; the whole team, least loaded, when nobody has it.</summary>
    public static AssignmentDecision? BySkills(DirectoryTeam team, string? category, IReadOnlyDictionary<string, int> load)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (string.IsNullOrWhiteSpace(category))
        {
            return Skilled(LeastLoaded(team, load, prefix: "no category to match skills against; "));
        }

        var skilled = team.Members.Where(m => m.Skills.Any(s => string.Equals(s.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        if (skilled.Count == 0)
        {
            var teamCovers = team.Skills.Any(s => string.Equals(s.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase));
            return Skilled(LeastLoaded(team, load, prefix: $"nobody in {team.Name} lists the skill '{category.Trim()}'{(teamCovers ? " (the team covers it)" : string.Empty)}; "));
        }

        return Skilled(LeastLoaded(team, load, skilled, $"has the skill '{category.Trim()}' ({skilled.Count} of {team.Members.Count} members); "));
    }

    private static AssignmentDecision? Skilled(AssignmentDecision? decision) => decision is null ? null : decision with { Strategy = AssignmentStrategies.Skills };

    private static List<DirectoryUser> Ordered(IEnumerable<DirectoryUser> members) => [.. members.OrderBy(m => m.Id, StringComparer.Ordinal)];

    private static string Open(int count) => count == 1 ? "1 open escalation" : $"{count.ToString(CultureInfo.InvariantCulture)} open escalations";
}
