namespace EscalationFlows.Escalations.Criteria;

/// <summary>
/// When a request is worth escalating: each criterion is a literal threshold or toggle (null or false switches it off);
/// the request escalates when at least <see cref="MinimumMatches"/> of them match.
/// </summary>
public sealed record EscalationCriteria
{
    /// <summary>The SLA has at most this much of its target left (percent), or the trigger was the SLA itself.</summary>
    public double? SlaRemainingPercentAtMost { get; init; } = 25;

    /// <summary>The priority is this or more urgent (2: P1 and P2).</summary>
    public int? PriorityAtLeast { get; init; } = 2;

    /// <summary>The client's tier is one of these (ignoring case).</summary>
    public IReadOnlyList<string> ClientTiers { get; init; } = ["platinum", "gold"];

    public bool ClientRequest { get; init; } = true;

    /// <summary>A handler's flag counts on its own (off by default: a flag must come with another reason, such as priority or tier).</summary>
    public bool HandlerFlag { get; init; }

    public bool AuthorityNeeded { get; init; } = true;

    public int MinimumMatches { get; init; } = 1;
}
