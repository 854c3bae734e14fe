namespace EscalationFlows.Server.Import;

/// <summary>Startup import of shipped workflow files, bound from the <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowImportOptions
{
    public const string Section = "Workflows";

    /// <summary>
    /// Folder whose <c>*.json</c> files are imported at startup (relative paths are relative to the content root).
    /// Empty: the <c>workflows</c> folder next to the content root or in a parent folder up to the repository root.
    /// </summary>
    public string? ImportPath { get; set; }
}
