using EscalationFlows.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// The studio session cookie: API calls never redirect (401 and 403 become problem details), and every request reloads
/// the user, so a disabled user, a changed password or changed roles take effect at once.
/// </summary>
public sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    private readonly UserStore _users;

    public SessionCookieEvents(UserStore users)
    {
        _users = users;
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Principal?.FindFirst(AuthClaims.Subject)?.Value;
        var stamp = context.Principal?.FindFirst(AuthClaims.Stamp)?.Value;
        var user = id is null ? null : await _users.FindAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || !string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }

        var teams = await _users.GetTeamNamesAsync([user.Id], context.HttpContext.RequestAborted);
        context.ReplacePrincipal(CurrentUser.Principal(AuthSchemes.Cookie, user.Id, AuthClaims.UserKind, user.Email, user.DisplayName, SignInService.RolesOf(user),
            teams.GetValueOrDefault(user.Id) ?? [], user.SecurityStamp));
    }
}
