using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Emits a token on every branch port at once (or on Done, whose connections all receive one).</summary>
public sealed class ForkActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Fork",
        Category = BuiltInCategories.Flow,
        DisplayName = "Fork",
        Description = "Starts parallel branches: a token goes out on every branch port. Pair it with a Join.",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "branches",
                DisplayName = "Branches",
                Description = "Names of the branch ports. Without names, every connection from Done is a branch.",
                Type = "array",
                SupportsExpressions = false,
                UiHint = "outcomes",
            },
        ],
        Ports = [Ports.Done],
        PortsFromInput = "branches",
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = DynamicPorts.Read(context.Node.GetInput("branches"));
        return ValueTask.FromResult(branches.Count == 0
            ? ActivityResult.Done()
            : ActivityResult.Outcome([Ports.Done, .. branches]));
    }
}
