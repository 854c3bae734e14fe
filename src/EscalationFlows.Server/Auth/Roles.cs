namespace EscalationFlows.Server.Auth;

/// <summary>The roles a user or API key can hold (docs/roles.md says what each may do).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string ProcessOwner = "process-owner";
    public const string EscalationManager = "escalation-manager";
    public const string Agent = "agent";
    public const string Resolver = "resolver";
    public const string Leadership = "leadership";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, ProcessOwner, EscalationManager, Agent, Resolver, Leadership, Viewer];

    /// <summary>May act on any task (claim, release, reassign, complete) and issue client links.</summary>
    public static IReadOnlyList<string> TaskManagers { get; } = [Admin, EscalationManager];

    /// <summary>May see every task (the others see the tasks meant for them).</summary>
    public static IReadOnlyList<string> TaskReaders { get; } = [Admin, EscalationManager, Leadership, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
