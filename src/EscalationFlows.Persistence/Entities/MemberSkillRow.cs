namespace EscalationFlows.Persistence.Entities;

/// <summary>A skill of a user (table <c>esc_member_skills</c>): what the <c>skills</c> assignment strategy matches categories against.</summary>
public sealed class MemberSkillRow
{
    public required string UserId { get; set; }

    public required string Skill { get; set; }
}
