using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Configurations;

/// <summary>Maps the identity, client-link and human-task rows.</summary>
internal static class IdentityConfigurations
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRow>(b =>
        {
            b.ToTable(IdentityTableNames.Users);
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
        });
        modelBuilder.Entity<TeamRow>(b =>
        {
            b.ToTable(IdentityTableNames.Teams);
            b.HasKey(t => t.Id);
            b.HasIndex(t => t.NormalizedName).IsUnique();
        });
        modelBuilder.Entity<TeamMemberRow>(b =>
        {
            b.ToTable(IdentityTableNames.TeamMembers);
            b.HasKey(m => new { m.TeamId, m.UserId });
            b.HasIndex(m => m.UserId);
            b.HasOne<TeamRow>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<UserRow>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ApiKeyRow>(b =>
        {
            b.ToTable(IdentityTableNames.ApiKeys);
            b.HasKey(k => k.Id);
        });
        modelBuilder.Entity<ClientLinkRow>(b =>
        {
            b.ToTable(IdentityTableNames.ClientLinks);
            b.HasKey(l => l.Id);
            b.HasIndex(l => new { l.Purpose, l.SubjectId });
        });
        modelBuilder.Entity<SigningKeyRow>(b =>
        {
            b.ToTable(IdentityTableNames.SigningKeys);
            b.HasKey(k => k.Id);
        });
        modelBuilder.Entity<HumanTaskRow>(b =>
        {
            b.ToTable(IdentityTableNames.Tasks);
            b.HasKey(t => t.Id);
            b.Property(t => t.Revision).IsConcurrencyToken();
            b.HasIndex(t => new { t.Status, t.AssigneeId });
            b.HasIndex(t => new { t.Status, t.CandidateTeamKey });
            b.HasIndex(t => new { t.Status, t.CandidateRole });
            b.HasIndex(t => t.InstanceId);
            b.HasOne<WorkflowInstanceRow>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HumanTaskEventRow>(b =>
        {
            b.ToTable(IdentityTableNames.TaskEvents);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedOnAdd();
            b.HasIndex(e => e.TaskId);
            b.HasOne<HumanTaskRow>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
