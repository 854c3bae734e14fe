namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>An event was rejected by an SLA clock; the clock is unchanged. <see cref="Code"/> is from <see cref="SlaClockErrorCodes"/>.</summary>
public sealed class SlaClockEventException : InvalidOperationException
{
    /// <summary>Creates the exception with a code and a plain sentence.</summary>
    public SlaClockEventException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public SlaClockEventException()
        : this(string.Empty, "The SLA clock rejected the event.")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public SlaClockEventException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public SlaClockEventException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = string.Empty;
    }

    /// <summary>Stable code from <see cref="SlaClockErrorCodes"/>.</summary>
    public string Code { get; }
}
