namespace EscalationFlows.Server.Auth;

/// <summary>
/// The authorization policies: one per permission, each granted to a fixed set of roles (admin holds every one).
/// Every endpoint names one of these, or is explicitly anonymous; docs/roles.md is the same table in prose.
/// </summary>
public static class Permissions
{
    /// <summary>Any authenticated principal: a signed-in user, an API key or a bearer token.</summary>
    public const string SignedIn = "signed-in";

    public const string DefinitionsRead = "definitions.read";
    public const string DefinitionsEdit = "definitions.edit";
    public const string DefinitionsPublish = "definitions.publish";
    public const string InstancesRead = "instances.read";
    public const string InstancesStart = "instances.start";
    public const string InstancesOperate = "instances.operate";
    public const string BookmarksResume = "bookmarks.resume";
    public const string EventsPublish = "events.publish";
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string TeamsManage = "teams.manage";
    public const string ApiKeysManage = "api-keys.manage";
    public const string ClientLinksManage = "client-links.manage";
    public const string SlaRead = "sla.read";
    public const string SlaManage = "sla.manage";
    public const string TicketsWrite = "tickets.write";
    public const string EscalationsRead = "escalations.read";
    public const string EscalationsWrite = "escalations.write";

    /// <summary>Elevates an escalation by hand (resolution team → senior specialist → operations leadership): stricter than escalations.write.</summary>
    public const string EscalationsElevate = "escalations.elevate";

    /// <summary>The roles each permission is granted to.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Grants { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [DefinitionsRead] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager, Roles.Leadership, Roles.Viewer],
        [DefinitionsEdit] = [Roles.Admin, Roles.ProcessOwner],
        [DefinitionsPublish] = [Roles.Admin],
        [InstancesRead] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager, Roles.Leadership, Roles.Viewer],
        [InstancesStart] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager],
        [InstancesOperate] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager],
        [BookmarksResume] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager],
        [EventsPublish] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager],
        [UsersRead] = [Roles.Admin, Roles.EscalationManager],
        [UsersManage] = [Roles.Admin],
        [TeamsManage] = [Roles.Admin],
        [ApiKeysManage] = [Roles.Admin],
        [ClientLinksManage] = [.. Roles.TaskManagers],
        [SlaRead] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager, Roles.Agent, Roles.Resolver, Roles.Leadership, Roles.Viewer],
        [SlaManage] = [Roles.Admin, Roles.ProcessOwner],
        [TicketsWrite] = [Roles.Admin, Roles.EscalationManager, Roles.Agent],
        [EscalationsRead] = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager, Roles.Agent, Roles.Resolver, Roles.Leadership, Roles.Viewer],
        [EscalationsWrite] = [Roles.Admin, Roles.EscalationManager, Roles.Agent],
        [EscalationsElevate] = [Roles.Admin, Roles.EscalationManager, Roles.Leadership],
    };
}
