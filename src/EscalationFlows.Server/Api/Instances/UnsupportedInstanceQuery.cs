using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>Stands in when the configured store cannot list instances: listing answers 501 instead of failing at startup.</summary>
public sealed class UnsupportedInstanceQuery : IWorkflowInstanceQuery
{
    private readonly string _storeName;

    public UnsupportedInstanceQuery(string storeName)
    {
        _storeName = storeName;
    }

    public Task<InstancePage> ListAsync(InstanceFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The workflow store ({_storeName}) cannot list instances: it does not implement IWorkflowInstanceQuery.");
}
