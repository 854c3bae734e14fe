using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Runtime;

/// <summary>A claimed timer. <see cref="Kind"/> is <c>bookmark</c> for timer bookmarks, else a module's handler kind.</summary>
public sealed record DueTimer(string Id, string Kind, string? InstanceId, string? BookmarkId, DateTimeOffset DueAt, JsonNode? Payload, int Attempts);
