namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>A signed client link: its id (for revocation), the token, where it is answered and when it expires.</summary>
public sealed record ClientLinkTicket
{
    public required string Id { get; init; }

    public required string Purpose { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>The secret part of the link; whoever holds it may answer, once, until it expires.</summary>
    public required string Token { get; init; }

    /// <summary>The API path that shows and answers the link, such as <c>/api/client/{token}</c>.</summary>
    public required string ApiPath { get; init; }

    /// <summary>The full link to send, when the host knows its public address; else the API path.</summary>
    public required string Url { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
