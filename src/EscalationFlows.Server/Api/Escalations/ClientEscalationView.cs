namespace EscalationFlows.Server.Api.Escalations;

/// <summary>What the client sees through the link: where their escalation stands, the messages, and what they are asked. Nothing internal.</summary>
public sealed record ClientEscalationView
{
    public required string Number { get; init; }

    public required string Title { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required IReadOnlyList<ClientMessageView> Messages { get; init; }

    public ClientQuestionView? Question { get; init; }
}
