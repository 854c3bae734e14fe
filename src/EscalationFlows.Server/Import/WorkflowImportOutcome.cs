using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Server.Import;

/// <summary>The result of importing one file.</summary>
public sealed record WorkflowImportOutcome(string File, WorkflowImportAction Action, string? DefinitionId, int? Version, IReadOnlyList<DefinitionError> Errors);
