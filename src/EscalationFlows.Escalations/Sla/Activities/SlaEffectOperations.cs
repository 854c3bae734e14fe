namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>The operations of an <see cref="SlaEffect"/>.</summary>
public static class SlaEffectOperations
{
    public const string Start = "start";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Stop = "stop";
}
