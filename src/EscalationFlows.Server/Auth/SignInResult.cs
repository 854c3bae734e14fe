using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.Auth;

/// <summary>The outcome of checking an email and password: the user, or null (wrong credentials, locked or disabled account).</summary>
public sealed record SignInResult(UserRow? User, IReadOnlyList<string> Teams)
{
    public static SignInResult Failed { get; } = new(null, []);

    public bool Succeeded => User is not null;
}
