using EscalationFlows.Escalations.Sla.Policies;

namespace EscalationFlows.Escalations.Sla.Storage;

/// <summary>One stored version of an SLA policy (table <c>sla_policies</c>); versions are never changed once saved.</summary>
/// <param name="Policy">The policy, with its <see cref="SlaPolicy.Version"/>.</param>
/// <param name="CreatedAt">When the version was saved.</param>
public sealed record SlaPolicyVersion(SlaPolicy Policy, DateTimeOffset CreatedAt);
