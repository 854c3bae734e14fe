using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>Body of completion (also of a client's answer): the chosen outcome and the form data.</summary>
public sealed class CompleteTaskRequest
{
    public string? Outcome { get; init; }

    public JsonNode? Data { get; init; }
}
