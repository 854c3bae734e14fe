namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Codes of <see cref="SlaClockEventException"/>.</summary>
public static class SlaClockErrorCodes
{
    /// <summary>The clock has not been started.</summary>
    public const string NotStarted = "not-started";

    /// <summary>The event is timestamped before the clock started.</summary>
    public const string BeforeStart = "before-start";

    /// <summary>The event is timestamped before the last recorded event and is not a repeat of a recorded one.</summary>
    public const string OutOfOrder = "out-of-order";

    /// <summary>Start was called again with a different instant.</summary>
    public const string AlreadyStarted = "already-started";
}
