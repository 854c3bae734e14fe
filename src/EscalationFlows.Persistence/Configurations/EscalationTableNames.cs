namespace EscalationFlows.Persistence.Configurations;

/// <summary>The tables of escalation records (prefix <c>esc_</c>).</summary>
public static class EscalationTableNames
{
    public const string Escalations = "esc_escalations";
    public const string Timeline = "esc_timeline";
    public const string Communications = "esc_communications";
    public const string StageOwners = "esc_stage_owners";
    public const string Counters = "esc_counters";
    public const string AssignmentCursors = "esc_assignment_cursors";
    public const string MemberSkills = "esc_member_skills";
}
