namespace EscalationFlows.Server.Api.Teams;

/// <summary>Body of team creation.</summary>
public sealed class CreateTeamRequest
{
    public string? Name { get; init; }

    public IReadOnlyList<string>? Skills { get; init; }
}
