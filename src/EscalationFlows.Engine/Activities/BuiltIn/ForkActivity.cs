using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;

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

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        if (node.GetInput("branches")?.Expression.Value is not JsonArray branches)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { Ports.Done };
        for (var i = 0; i < branches.Count; i++)
        {
            var pointer = $"{context.InputPointer("branches")}/expression/value/{i}";
            if (branches[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                context.AddError(pointer, DefinitionErrorCodes.InvalidValue, "Each branch is the name of a port.");
            }
            else if (!seen.Add(value.GetValue<string>()))
            {
                context.AddError(pointer, DefinitionErrorCodes.InvalidValue, $"The branch '{value.GetValue<string>()}' is named twice (Done is always there).");
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = DynamicPorts.Read(context.Node.GetInput("branches"));
        return ValueTask.FromResult(branches.Count == 0
            ? ActivityResult.Done()
            : ActivityResult.Outcome([Ports.Done, .. branches]));
    }
}
