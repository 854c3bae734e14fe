using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.ClientLinks;

/// <summary>What the client sees through a link: the request in plain words, the form and the answers to choose from. Nothing internal.</summary>
public sealed record ClientTaskView
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public JsonObject? Form { get; init; }

    public JsonObject? UiSchema { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
