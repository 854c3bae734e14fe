using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>People, teams, load and cursors read on a given context (inside a step's transaction or on their own).</summary>
internal static class DirectoryQueries
{
    private static readonly string[] FinalStages = [EscalationStages.Closed, EscalationStages.ReturnedToHandler];

    public static async Task<DirectoryUser?> FindUserAsync(EscalationFlowsDbContext db, string idOrEmail, CancellationToken cancellationToken)
    {
        var key = idOrEmail.Trim();
        var email = HumanTaskKeys.Email(key);
        var row = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => !u.Disabled && (u.Id == key || u.NormalizedEmail == email), cancellationToken);
        return row is null ? null : (await UsersAsync(db, [row], cancellationToken))[0];
    }

    public static async Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(EscalationFlowsDbContext db, string role, CancellationToken cancellationToken)
    {
        var quoted = $"\"{role}\"";
        var rows = await db.Users.AsNoTracking().Where(u => !u.Disabled && u.Roles.Contains(quoted)).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        return await UsersAsync(db, rows, cancellationToken);
    }

    public static async Task<DirectoryTeam?> FindTeamAsync(EscalationFlowsDbContext db, string team, CancellationToken cancellationToken)
    {
        var key = HumanTaskKeys.Team(team);
        var row = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == row.Id)
            .Join(db.Users.Where(u => !u.Disabled), m => m.UserId, u => u.Id, (m, u) => u)
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        return new DirectoryTeam
        {
            Name = row.Name,
            Skills = WorkflowJson.Deserialize<List<string>>(row.Skills) ?? [],
            Members = await UsersAsync(db, members, cancellationToken),
        };
    }

    public static async Task<IReadOnlyDictionary<string, int>> CountOpenAsync(EscalationFlowsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var counts = await db.Escalations.AsNoTracking()
            .Where(e => e.OwnerId != null && userIds.Contains(e.OwnerId) && !FinalStages.Contains(e.Stage))
            .GroupBy(e => e.OwnerId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var result = userIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var count in counts)
        {
            result[count.Key] = count.Count;
        }

        return result;
    }

    private static async Task<IReadOnlyList<DirectoryUser>> UsersAsync(EscalationFlowsDbContext db, IReadOnlyList<UserRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var teams = await db.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.UserId))
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Name })
            .ToListAsync(cancellationToken);
        var skills = await db.MemberSkills.AsNoTracking().Where(s => ids.Contains(s.UserId)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DirectoryUser
        {
            Id = r.Id,
            Email = r.Email,
            DisplayName = string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email : r.DisplayName,
            Roles = WorkflowJson.Deserialize<List<string>>(r.Roles) ?? [],
            Teams = [.. teams.Where(t => t.UserId == r.Id).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)],
            Skills = [.. skills.Where(s => s.UserId == r.Id).Select(s => s.Skill).Order(StringComparer.OrdinalIgnoreCase)],
        })];
    }
}
