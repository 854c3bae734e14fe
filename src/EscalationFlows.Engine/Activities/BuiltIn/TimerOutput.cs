namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>What a fired timer (Delay, Timer) outputs: the runtime's record of the firing.</summary>
internal static class TimerOutput
{
    public static readonly OutputDescriptor Result = new()
    {
        Name = "result",
        Type = "object",
        Description = "The firing: { dueAt, firedAt, node } (when the timer was due, when it fired, which server node fired it).",
    };
}
