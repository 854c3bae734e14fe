namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Where an instance started through the API begins.</summary>
public sealed class StartActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Start",
        Category = BuiltInCategories.Flow,
        DisplayName = "Start",
        Description = "Where an instance started through the API begins.",
        IsStart = true,
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
}
