using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Storage;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>One stored version of an SLA policy.</summary>
public sealed record SlaPolicyResponse
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required SlaPolicy Policy { get; init; }

    public static SlaPolicyResponse From(SlaPolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new SlaPolicyResponse { Id = version.Policy.Id, Version = version.Policy.Version, CreatedAt = version.CreatedAt, Policy = version.Policy };
    }
}
