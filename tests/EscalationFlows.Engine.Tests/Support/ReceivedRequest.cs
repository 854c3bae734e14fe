namespace EscalationFlows.Engine.Tests.Support;

/// <summary>A request the local HTTP server received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Body, string? IdempotencyKey, string? ContentType, IReadOnlyDictionary<string, string?> Headers);
