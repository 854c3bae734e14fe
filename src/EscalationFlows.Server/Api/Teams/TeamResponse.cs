using System.Text.Json;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.Api.Teams;

/// <summary>A team (resolution group): its skills and how many members it has.</summary>
public sealed record TeamResponse(string Id, string Name, IReadOnlyList<string> Skills, int MemberCount)
{
    public static TeamResponse From(TeamRow row, int members)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TeamResponse(row.Id, row.Name, JsonSerializer.Deserialize<string[]>(row.Skills) ?? [], members);
    }
}
