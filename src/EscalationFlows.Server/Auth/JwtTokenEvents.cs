using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Turns a validated bearer token into the principal every scheme produces: <c>sub</c> is the id, <c>roles</c> (or
/// <c>role</c>) the roles (unknown ones are ignored), <c>teams</c> (or <c>team</c>) the teams.
/// </summary>
public sealed class JwtTokenEvents : JwtBearerEvents
{
    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.Principal!;
        var subject = token.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            context.Fail("The token has no subject (sub).");
            return Task.CompletedTask;
        }

        var roles = token.FindAll("roles").Concat(token.FindAll("role")).Select(c => c.Value).Where(Roles.IsKnown);
        var teams = token.FindAll("teams").Concat(token.FindAll("team")).Select(c => c.Value);
        var email = token.FindFirst("email")?.Value ?? string.Empty;
        var name = token.FindFirst("name")?.Value ?? subject;
        context.Principal = CurrentUser.Principal(AuthSchemes.Bearer, subject, AuthClaims.TokenKind, email, name, roles, teams);
        return Task.CompletedTask;
    }
}
