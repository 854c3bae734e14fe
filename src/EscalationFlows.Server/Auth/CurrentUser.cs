using System.Security.Claims;

namespace EscalationFlows.Server.Auth;

/// <summary>Who is calling, read from the principal's claims: id, kind, email, name, roles and teams.</summary>
public sealed record CurrentUser
{
    public required string Id { get; init; }

    /// <summary>user, api-key or token (<see cref="AuthClaims"/>).</summary>
    public required string Kind { get; init; }

    public string Email { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Teams { get; init; } = [];

    public bool IsTaskManager => Roles.Any(r => Auth.Roles.TaskManagers.Contains(r, StringComparer.Ordinal));

    public bool CanReadAllTasks => Roles.Any(r => Auth.Roles.TaskReaders.Contains(r, StringComparer.Ordinal));

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>The caller of an authenticated request (endpoints with a policy only ever see one).</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(AuthClaims.Subject)
            ?? throw new InvalidOperationException("The request is not authenticated.");
        return new CurrentUser
        {
            Id = id,
            Kind = principal.FindFirstValue(AuthClaims.Kind) ?? AuthClaims.UserKind,
            Email = principal.FindFirstValue(AuthClaims.Email) ?? string.Empty,
            DisplayName = principal.FindFirstValue(AuthClaims.Name) ?? id,
            Roles = [.. principal.FindAll(AuthClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
            Teams = [.. principal.FindAll(AuthClaims.Team).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>A principal with the claims every scheme produces.</summary>
    public static ClaimsPrincipal Principal(string scheme, string id, string kind, string email, string displayName, IEnumerable<string> roles, IEnumerable<string> teams,
        string? stamp = null)
    {
        var claims = new List<Claim>
        {
            new(AuthClaims.Subject, id),
            new(AuthClaims.Kind, kind),
            new(AuthClaims.Email, email),
            new(AuthClaims.Name, displayName),
        };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(teams.Distinct(StringComparer.OrdinalIgnoreCase).Select(t => new Claim(AuthClaims.Team, t)));
        if (stamp is not null)
        {
            claims.Add(new Claim(AuthClaims.Stamp, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, AuthClaims.Name, AuthClaims.Role));
    }
}
