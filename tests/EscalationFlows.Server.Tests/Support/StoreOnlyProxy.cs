using System.Reflection;
using EscalationFlows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>
/// Forwards <see cref="IWorkflowStore"/> to the registered store and implements nothing else: a store that cannot list
/// instances. The server's own <see cref="IWorkflowInstanceQuery"/> registration stays and must cope.
/// </summary>
public class StoreOnlyProxy : DispatchProxy
{
    private IWorkflowStore _inner = null!;

    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IWorkflowStore));
        services.RemoveAll<IWorkflowStore>();
        services.AddSingleton(sp =>
        {
            var proxy = Create<IWorkflowStore, StoreOnlyProxy>();
            ((StoreOnlyProxy)(object)proxy)._inner =
                (IWorkflowStore)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
