using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Configurations;

/// <summary>Maps the escalation records, their timeline, communications and stage owners, the number counter, round-robin cursors and member skills.</summary>
internal static class EscalationConfigurations
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EscalationRow>(b =>
        {
            b.ToTable(EscalationTableNames.Escalations);
            b.HasKey(e => e.Id);
            b.Property(e => e.Revision).IsConcurrencyToken();
            b.HasIndex(e => e.Number).IsUnique();
            b.HasIndex(e => e.ActiveTicketId).IsUnique();
            b.HasIndex(e => e.TicketId);
            b.HasIndex(e => e.TriggerInstanceId);
            b.HasIndex(e => new { e.Stage, e.OpenedAt });
            b.HasIndex(e => e.OwnerId);
            b.HasIndex(e => e.ResolutionTeamKey);
            b.HasIndex(e => e.ClientKey);
        });
        modelBuilder.Entity<EscalationTimelineRow>(b =>
        {
            b.ToTable(EscalationTableNames.Timeline);
            b.HasKey(t => new { t.EscalationId, t.Sequence });
            b.HasOne<EscalationRow>().WithMany().HasForeignKey(t => t.EscalationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EscalationCommunicationRow>(b =>
        {
            b.ToTable(EscalationTableNames.Communications);
            b.HasKey(c => new { c.EscalationId, c.Sequence });
            b.HasIndex(c => c.OutboxMessageId);
            b.HasOne<EscalationRow>().WithMany().HasForeignKey(c => c.EscalationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EscalationStageOwnerRow>(b =>
        {
            b.ToTable(EscalationTableNames.StageOwners);
            b.HasKey(o => new { o.EscalationId, o.Sequence });
            b.HasOne<EscalationRow>().WithMany().HasForeignKey(o => o.EscalationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EscalationCounterRow>(b =>
        {
            b.ToTable(EscalationTableNames.Counters);
            b.HasKey(c => c.Name);
            b.HasData(new EscalationCounterRow { Name = EscalationCounterRow.Escalation, Value = 0 });
        });
        modelBuilder.Entity<AssignmentCursorRow>(b =>
        {
            b.ToTable(EscalationTableNames.AssignmentCursors);
            b.HasKey(c => c.TeamKey);
        });
        modelBuilder.Entity<MemberSkillRow>(b =>
        {
            b.ToTable(EscalationTableNames.MemberSkills);
            b.HasKey(s => new { s.UserId, s.Skill });
            b.HasOne<UserRow>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
