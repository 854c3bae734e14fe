using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.Bookmarks;

/// <summary>Optional body of the resume endpoint: the input handed to the waiting activity.</summary>
public sealed class ResumeBookmarkRequest
{
    public JsonNode? Input { get; init; }
}
