using EscalationFlows.Escalations.Storage;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>What <see cref="EscalationApplier"/> needs from the store it applies to, inside the same transaction.</summary>
public interface IEscalationApplyServices
{
    /// <summary>The next escalation number: gap-free (a rolled-back transaction gives its number back) and never handed out twice.</summary>
    Task<long> NextNumberAsync(CancellationToken cancellationToken);

    Task<DirectoryUser?> FindUserAsync(string idOrEmail, CancellationToken cancellationToken);

    Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, CancellationToken cancellationToken);
}
