namespace EscalationFlows.Engine.Activities.BuiltIn;

internal static class BuiltInCategories
{
    public const string Flow = "Flow";
    public const string Data = "Data";
    public const string Timing = "Timing";
    public const string Events = "Events";
    public const string Composition = "Composition";
    public const string Integration = "Integration";
    public const string Diagnostics = "Diagnostics";
}
