namespace EscalationFlows.Server.Api.Users;

/// <summary>A user's skills (request and answer of <c>PUT /api/users/{id}/skills</c>).</summary>
public sealed class SetSkillsRequest
{
    public List<string>? Skills { get; set; }
}
