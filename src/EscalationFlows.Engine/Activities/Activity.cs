using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities;

/// <summary>
/// An activity type. Instances are stateless and shared: everything about one execution lives in the
/// <see cref="ActivityExecutionContext"/> and the instance state.
/// </summary>
public abstract class Activity
{
    public abstract ActivityDescriptor Descriptor { get; }

    public string Type => Descriptor.Type;

    /// <summary>The ports this node can emit on; includes dynamic ports computed from literal inputs.</summary>
    public virtual IReadOnlyList<string> GetPorts(ActivityNode node)
    {
        if (Descriptor.PortsFromInput is not { } inputName)
        {
            return Descriptor.Ports;
        }

        var ports = new List<string>(Descriptor.Ports);
        foreach (var port in DynamicPorts.Read(node.GetInput(inputName)))
        {
            if (!ports.Contains(port, StringComparer.Ordinal))
            {
                ports.Add(port);
            }
        }

        return ports;
    }

    /// <summary>Checks specific to this activity type, beyond what the descriptor expresses.</summary>
    public virtual void Validate(ActivityNode node, ActivityValidationContext context)
    {
    }

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Continues after a bookmark this activity created is resumed. By default: done, with the resume input as <c>result</c>.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        context.SetOutput("result", input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done());
    }

    /// <summary>Called when a bookmark of this activity is cancelled (WaitAny lost, instance cancelled, workflow ended).</summary>
    public virtual ValueTask OnCancelledAsync(ActivityExecutionContext context, Bookmark bookmark) => ValueTask.CompletedTask;
}
