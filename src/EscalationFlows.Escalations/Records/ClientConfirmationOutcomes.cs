namespace EscalationFlows.Escalations.Records;

/// <summary>What the client answered when asked to confirm the resolution.</summary>
public static class ClientConfirmationOutcomes
{
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    /// <summary>No answer before the auto-close deadline.</summary>
    public const string TimedOut = "timed-out";
}
