using EscalationFlows.Persistence.Configurations;
using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence;

/// <summary>
/// The engine's tables (<c>wf_*</c>: workflows, users, teams, API keys, client links, human tasks), the SLA module's (<c>sla_*</c>, <c>esc_tickets</c>) and the escalation records' (<c>esc_*</c>): one model for both providers. The provider-specific subclasses
/// (<see cref="Providers.SqliteEscalationFlowsDbContext"/>, <see cref="Providers.PostgresEscalationFlowsDbContext"/>)
/// only add type conventions and give each provider its own migration set. Resolve this base type; the registration
/// hands out the configured provider's subclass.
/// </summary>
public abstract class EscalationFlowsDbContext : DbContext
{
    protected EscalationFlowsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DefinitionVersionRow> DefinitionVersions => Set<DefinitionVersionRow>();

    public DbSet<EventTriggerRow> EventTriggers => Set<EventTriggerRow>();

    public DbSet<WorkflowInstanceRow> Instances => Set<WorkflowInstanceRow>();

    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    public DbSet<TimerRow> Timers => Set<TimerRow>();

    public DbSet<JournalEntryRow> Journal => Set<JournalEntryRow>();

    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();

    public DbSet<OutboxMessageRow> Outbox => Set<OutboxMessageRow>();

    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<TeamRow> Teams => Set<TeamRow>();

    public DbSet<TeamMemberRow> TeamMembers => Set<TeamMemberRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<ClientLinkRow> ClientLinks => Set<ClientLinkRow>();

    public DbSet<SigningKeyRow> SigningKeys => Set<SigningKeyRow>();

    public DbSet<HumanTaskRow> Tasks => Set<HumanTaskRow>();

    public DbSet<HumanTaskEventRow> TaskEvents => Set<HumanTaskEventRow>();
    public DbSet<SlaCalendarRow> SlaCalendars => Set<SlaCalendarRow>();

    public DbSet<SlaPolicyRow> SlaPolicies => Set<SlaPolicyRow>();

    public DbSet<SlaClockRow> SlaClocks => Set<SlaClockRow>();

    public DbSet<TrackedTicketRow> Tickets => Set<TrackedTicketRow>();

    public DbSet<EscalationRow> Escalations => Set<EscalationRow>();

    public DbSet<EscalationTimelineRow> EscalationTimeline => Set<EscalationTimelineRow>();

    public DbSet<EscalationCommunicationRow> EscalationCommunications => Set<EscalationCommunicationRow>();

    public DbSet<EscalationStageOwnerRow> EscalationStageOwners => Set<EscalationStageOwnerRow>();

    public DbSet<EscalationCounterRow> EscalationCounters => Set<EscalationCounterRow>();

    public DbSet<AssignmentCursorRow> AssignmentCursors => Set<AssignmentCursorRow>();

    public DbSet<MemberSkillRow> MemberSkills => Set<MemberSkillRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new DefinitionVersionConfiguration());
        modelBuilder.ApplyConfiguration(new EventTriggerConfiguration());
        modelBuilder.ApplyConfiguration(new WorkflowInstanceConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkConfiguration());
        modelBuilder.ApplyConfiguration(new TimerConfiguration());
        modelBuilder.ApplyConfiguration(new JournalEntryConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyKeyConfiguration());
        IdentityConfigurations.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new SlaCalendarConfiguration());
        modelBuilder.ApplyConfiguration(new SlaPolicyConfiguration());
        modelBuilder.ApplyConfiguration(new SlaClockConfiguration());
        modelBuilder.ApplyConfiguration(new TrackedTicketConfiguration());
        EscalationConfigurations.Apply(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
