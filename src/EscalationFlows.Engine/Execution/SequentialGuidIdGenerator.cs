namespace EscalationFlows.Engine.Execution;

/// <summary>Time-ordered GUIDs (version 7) without dashes: sortable and index friendly.</summary>
public sealed class SequentialGuidIdGenerator : IIdGenerator
{
    public string NewId() => Guid.CreateVersion7().ToString("N");
}
