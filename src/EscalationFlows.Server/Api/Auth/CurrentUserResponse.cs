using EscalationFlows.Server.Auth;

namespace EscalationFlows.Server.Api.Auth;

/// <summary>Who is signed in: id, email, display name, roles and team names (the studio's CurrentUser).</summary>
public sealed record CurrentUserResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams)
{
    public static CurrentUserResponse From(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new CurrentUserResponse(user.Id, user.Email, user.DisplayName, user.Roles, user.Teams);
    }
}
