namespace EscalationFlows.Server.Import;

/// <summary>What the startup import did with one file.</summary>
public enum WorkflowImportAction
{
    /// <summary>A new definition: saved and published as version 1.</summary>
    Created,

    /// <summary>The file differs from the latest published version: saved and published as a new version.</summary>
    Updated,

    /// <summary>The file equals the latest published version (ignoring its version number): nothing written.</summary>
    Unchanged,

    /// <summary>The file is not a valid definition: every error was logged, nothing written.</summary>
    Invalid,

    /// <summary>Another file in the same folder already defines this definition id: nothing written.</summary>
    Duplicate,
}
