namespace EscalationFlows.Testing;

/// <summary>How <see cref="SmtpTestServer"/> answers RCPT TO for an address.</summary>
public enum SmtpRejection
{
    None,

    /// <summary>550: the mailbox does not exist.</summary>
    Permanent,

    /// <summary>450: try again later.</summary>
    Temporary,
}
