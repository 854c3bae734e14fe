namespace EscalationFlows.Engine.Validation;

/// <summary>One problem in a definition: where it is (a JSON pointer), a stable code, and a plain sentence.</summary>
public sealed record DefinitionError(string Pointer, string Code, string Message);
