namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>An effect that cannot apply (unknown escalation, created twice, unknown stage); the whole step is rolled back.</summary>
public sealed class EscalationApplyException : Exception
{
    public EscalationApplyException()
    {
    }

    public EscalationApplyException(string message)
        : base(message)
    {
    }

    public EscalationApplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
