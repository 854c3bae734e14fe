using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Runtime;

/// <summary>A definition version as the runtime sees it. <see cref="ContentHash"/> changes whenever the document changes.</summary>
public sealed record StoredDefinition(WorkflowDefinition Definition, string ContentHash, bool IsPublished);
