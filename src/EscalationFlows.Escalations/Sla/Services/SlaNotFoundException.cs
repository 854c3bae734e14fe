namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>A ticket, SLA subject, policy or calendar that was asked for by id does not exist.</summary>
public sealed class SlaNotFoundException : Exception
{
    public SlaNotFoundException()
        : base("Nothing was found.")
    {
    }

    public SlaNotFoundException(string message)
        : base(message)
    {
    }

    public SlaNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
