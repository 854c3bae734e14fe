namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>How team names and emails are compared: trimmed and in lower case (invariant culture).</summary>
public static class HumanTaskKeys
{
    public static string? Team(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    public static string Email(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
