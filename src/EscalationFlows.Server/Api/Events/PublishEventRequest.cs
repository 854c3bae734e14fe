using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.Events;

/// <summary>Body of the event endpoint. Waits without a correlation id match any event of their name.</summary>
public sealed class PublishEventRequest
{
    public string? CorrelationId { get; init; }

    public JsonNode? Payload { get; init; }
}
