using EscalationFlows.Persistence.Entities;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Engine.Activities.HumanTasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Authentication (session cookie, API keys, optional JWT bearer), the permission policies, problem-details answers for
/// 401 and 403, and the identity and client-link services. Nothing is ever granted by network origin.
/// </summary>
public static class AuthRegistration
{
    public static WebApplicationBuilder AddEscalationFlowsAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        services.AddOptions<AuthOptions>().Bind(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        if (options.Jwt.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Default;
                o.DefaultChallengeScheme = AuthSchemes.Default;
                o.DefaultForbidScheme = AuthSchemes.Default;
            })
            .AddPolicyScheme(AuthSchemes.Default, "Session cookie, API key or bearer token", o => o.ForwardDefaultSelector = context => SelectScheme(context, options.Jwt.IsConfigured))
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.EventsType = typeof(SessionCookieEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { });
        if (options.Jwt.IsConfigured)
        {
            authentication.AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.EventsType = typeof(JwtTokenEvents);
                if (!string.IsNullOrWhiteSpace(options.Jwt.Authority))
                {
                    o.Authority = options.Jwt.Authority;
                }
            });
            services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<TimeProvider>((o, clock) => o.TokenValidationParameters = JwtValidation(options.Jwt, clock));
            services.AddSingleton<JwtTokenEvents>();
        }

        services.AddSingleton<SessionCookieEvents>();

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Permissions.SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (permission, roles) in Permissions.Grants)
        {
            authorization.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<UserAccountService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<IdentityBootstrapper>();
        services.AddSingleton<ClientLinkSigner>();
        services.AddSingleton<IClientLinkIssuer>(sp => sp.GetRequiredService<ClientLinkSigner>());
        services.AddSingleton<ClientLinkKeyInitializer>();
        services.AddSingleton<ClientLinkService>();
        return builder;
    }

    private static string SelectScheme(HttpContext context, bool jwt)
    {
        if (context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader))
        {
            return AuthSchemes.ApiKey;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Without JWT configured a bearer token is not a credential: the API key scheme finds no key and the request is anonymous.
            return jwt ? AuthSchemes.Bearer : AuthSchemes.ApiKey;
        }

        return AuthSchemes.Cookie;
    }

    private static TokenValidationParameters JwtValidation(JwtOptions jwt, TimeProvider clock)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = jwt.EffectiveAlgorithms,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = "name",
            RoleClaimType = "roles",
            // Lifetime on the server's clock (a fake one in tests) instead of the library's DateTime.UtcNow.
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } exp && now <= exp.ToUniversalTime() + p.ClockSkew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - p.ClockSkew);
            },
        };
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            parameters.IssuerSigningKey = new SymmetricSecurityKey(jwt.KeyBytes());
        }

        return parameters;
    }
}
