namespace EscalationFlows.Escalations.Sla;

/// <summary>Stable codes for problems found in calendar and policy definitions (the <c>Code</c> of a <see cref="EscalationFlows.Engine.Validation.DefinitionError"/>).</summary>
public static class SlaErrorCodes
{
    /// <summary>A required value is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>A value does not have the expected format (for example a time interval or a date).</summary>
    public const string InvalidFormat = "invalid-format";

    /// <summary>A value is outside the allowed range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A value appears twice where it must be unique.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Two working intervals of the same day overlap.</summary>
    public const string Overlap = "overlap";

    /// <summary>The time zone id is not known on this machine or is not an IANA id.</summary>
    public const string UnknownTimeZone = "unknown-time-zone";

    /// <summary>A name (for example a weekday) is not one of the accepted names.</summary>
    public const string UnknownName = "unknown-name";

    /// <summary>The definition as a whole is inconsistent (for example no default target for a priority).</summary>
    public const string Inconsistent = "inconsistent";

    /// <summary>An id refers to a policy or calendar that does not exist.</summary>
    public const string UnknownReference = "unknown-reference";
}
