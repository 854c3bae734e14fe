using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Auth;

/// <summary>Sign-in with email and password (a session cookie for the studio), sign-out, and who is signed in.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in with email and password")
            .WithDescription("Body `{ email, password }`. Sets the session cookie (HttpOnly, SameSite=Strict) and returns the user. 401 for a wrong email or password, or an account locked after too many failed attempts.")
            .AcceptsJson<LoginRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPost("/logout", (Delegate)LogoutAsync)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Signs out")
            .WithDescription("Removes the session cookie. Harmless without a session.");

        group.MapGet("/me", Me)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("GetCurrentUser")
            .WithSummary("Who is signed in")
            .WithDescription("`{ id, email, displayName, roles, teams }`; 401 problem details when nobody is.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized);

        return group;
    }

    private static async Task<Ok<CurrentUserResponse>> LoginAsync(HttpContext context, JsonRequestReader body, SignInService signIn, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<LoginRequest>(context.Request, allowEmpty: false, cancellationToken);
        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add(ApiError.At("/email", ApiErrorCodes.Required, "Give the email you sign in with."));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(ApiError.At("/password", ApiErrorCodes.Required, "Give your password."));
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.Required, "Give an email and a password.", errors);
        }

        var result = await signIn.CheckAsync(request.Email!, request.Password!, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ApiRequestException(StatusCodes.Status401Unauthorized, ApiErrorCodes.SignInFailed,
                "The email or password is not right, or the account is locked for a few minutes after too many attempts.");
        }

        var user = result.User!;
        var principal = CurrentUser.Principal(AuthSchemes.Cookie, user.Id, AuthClaims.UserKind, user.Email, user.DisplayName, SignInService.RolesOf(user), result.Teams, user.SecurityStamp);
        await context.SignInAsync(AuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(CurrentUserResponse.From(CurrentUser.From(principal)));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<CurrentUserResponse> Me(HttpContext context) => TypedResults.Ok(CurrentUserResponse.From(CurrentUser.From(context.User)));
}
