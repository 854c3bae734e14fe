using EscalationFlows.Engine.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EscalationFlows.Server.Api.Health;

/// <summary>Ready when the instance store answers a cheap query (the next due timer) within a few seconds.</summary>
public sealed class StoreHealthCheck : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly IWorkflowStore _store;

    public StoreHealthCheck(IWorkflowStore store)
    {
        _store = store;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await _store.GetNextTimerDueAsync(timeout.Token);
            return HealthCheckResult.Healthy("The workflow store answers.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The workflow store did not answer within {Timeout.TotalSeconds:0} seconds.");
        }
#pragma warning disable CA1031 // Any failure to reach the store means "not ready"; the exception goes to the log, not the client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The workflow store is not reachable.", ex);
        }
    }
}
