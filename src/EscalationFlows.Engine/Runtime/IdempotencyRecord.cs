using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Runtime;

/// <summary>The first result of an operation sent with an Idempotency-Key; a repeat returns it instead of running again.</summary>
public sealed record IdempotencyRecord(string Scope, string Key, JsonNode Result, DateTimeOffset CreatedAt);
