using EscalationFlows.Engine.Activities.HumanTasks;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>A newly issued client link: send <see cref="Url"/> to the client; revoke it by <see cref="Id"/>.</summary>
public sealed record ClientLinkResponse(string Id, string TaskId, string Token, string Url, string ApiPath, DateTimeOffset ExpiresAt)
{
    public static ClientLinkResponse From(ClientLinkTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new ClientLinkResponse(ticket.Id, ticket.SubjectId, ticket.Token, ticket.Url, ticket.ApiPath, ticket.ExpiresAt);
    }
}
