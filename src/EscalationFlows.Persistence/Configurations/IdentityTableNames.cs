namespace EscalationFlows.Persistence.Configurations;

/// <summary>The tables of users, teams, API keys, client links and signing keys (prefix <c>auth_</c>) and of human tasks (prefix <c>ht_</c>).</summary>
public static class IdentityTableNames
{
    public const string Users = "auth_users";
    public const string Teams = "auth_teams";
    public const string TeamMembers = "auth_team_members";
    public const string ApiKeys = "auth_api_keys";
    public const string ClientLinks = "auth_client_links";
    public const string SigningKeys = "auth_signing_keys";
    public const string Tasks = "ht_tasks";
    public const string TaskEvents = "ht_task_events";
}
