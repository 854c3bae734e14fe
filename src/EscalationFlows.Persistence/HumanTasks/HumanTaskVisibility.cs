namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// The tasks a worker may see: assigned to them, completed by them, or meant for one of their teams or roles (the
/// candidate team or role, whether the task is claimed or not).
/// </summary>
public sealed record HumanTaskVisibility(string UserId, IReadOnlyList<string> TeamKeys, IReadOnlyList<string> Roles);
