using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Merges parallel branches. The executor handles arrivals; see docs/adr/0001-flowchart-execution.md.</summary>
public sealed class JoinActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Join",
        Category = BuiltInCategories.Flow,
        DisplayName = "Join",
        Description = "WaitAll: continues once every inbound branch that can still deliver has arrived. WaitAny: the first arrival continues and the other branches are cancelled.",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "mode",
                DisplayName = "Mode",
                Type = "string",
                Default = JsonValue.Create("WaitAll"),
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = ["WaitAll", "WaitAny"],
            },
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
}
