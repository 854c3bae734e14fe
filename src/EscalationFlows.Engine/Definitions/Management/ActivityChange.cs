namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>
/// An activity kept under the same id whose content changed. <see cref="Fields"/> names what changed:
/// <c>type</c>, <c>name</c>, <c>inputs.&lt;input&gt;</c>, <c>outputs.&lt;output&gt;</c>, <c>retry</c>, <c>metadata</c>.
/// </summary>
public sealed record ActivityChange(string Id, string Type, IReadOnlyList<string> Fields);
