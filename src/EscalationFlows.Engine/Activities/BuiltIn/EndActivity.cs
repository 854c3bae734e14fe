namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Finishes the instance: every other branch, bookmark and timer is cancelled.</summary>
public sealed class EndActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "End",
        Category = BuiltInCategories.Flow,
        DisplayName = "End",
        Description = "Finishes the instance; other branches, open tasks and timers are cancelled.",
        Ports = [],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.EndWorkflow());
}
