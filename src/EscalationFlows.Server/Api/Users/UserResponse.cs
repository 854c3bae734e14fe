using EscalationFlows.Persistence.Entities;
using EscalationFlows.Server.Auth;

namespace EscalationFlows.Server.Api.Users;

/// <summary>A user, without anything secret.</summary>
public sealed record UserResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, bool Disabled, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserRow row, IReadOnlyList<string> teams)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new UserResponse(row.Id, row.Email, row.DisplayName, SignInService.RolesOf(row), teams, row.Disabled, row.CreatedAt);
    }
}
