namespace EscalationFlows.Escalations.Assignment;

/// <summary>How <c>Escalations.AssignOwner</c> picks the owner among a team's members.</summary>
public static class AssignmentStrategies
{
    /// <summary>Members in turn (by user id), from a durable cursor per team.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>The member owning the fewest open escalations (ties: by user id).</summary>
    public const string LeastLoaded = "least-loaded";

    /// <summary>Members whose skills include the category, least loaded first; everyone when nobody has the skill.</summary>
    public const string Skills = "skills";

    public static IReadOnlyList<string> All { get; } = [RoundRobin, LeastLoaded, Skills];
}
