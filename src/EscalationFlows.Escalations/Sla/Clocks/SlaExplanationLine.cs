namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>One line of an SLA explanation.</summary>
/// <param name="Kind">What the line describes.</param>
/// <param name="From">Start of the span (UTC); for events, the event instant.</param>
/// <param name="To">End of the span (UTC); for events, equal to <paramref name="From"/>.</param>
/// <param name="Counted">Business time this line adds to the elapsed time (only <see cref="SlaExplanationLineKind.Counted"/> lines are non-zero).</param>
/// <param name="NotCounted">Time in this span that did not count.</param>
/// <param name="Text">The line in plain English, with local times of the calendar's zone.</param>
public sealed record SlaExplanationLine(
    SlaExplanationLineKind Kind,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Counted,
    TimeSpan NotCounted,
    string Text);
