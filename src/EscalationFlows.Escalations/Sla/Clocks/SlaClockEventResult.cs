namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>What an event did to a clock.</summary>
public enum SlaClockEventResult
{
    /// <summary>The event changed the clock.</summary>
    Applied,

    /// <summary>The event changed nothing: a repeat (pausing while paused, a re-delivered event) or after the stop.</summary>
    NoOp,
}
