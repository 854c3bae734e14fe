namespace EscalationFlows.Engine.Definitions;

/// <summary>Port names shared by many activities.</summary>
public static class Ports
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
