using System.Net;
using System.Text.RegularExpressions;
using EscalationFlows.Server.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>Every endpoint names its authorization policy or is explicitly anonymous; anonymous callers get 401 problems everywhere else.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class EndpointPolicyTests(ServerFixture server)
{
    /// <summary>The endpoints that may be reached without credentials, by display name or route.</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "/api/auth/login", "/api/auth/logout", "/api/client/{token}", "/api/client/{token}/respond",
        "/api/escalations/{id}/client", "/api/escalations/{id}/client/confirm", "/api/escalations/{id}/client/reject",
        "/health/live", "/health/ready", "/health/{**rest}", "/{*path:studio}",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        [.. server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public void Every_endpoint_has_a_named_policy_or_is_explicitly_anonymous()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (!anonymous && (policies.Count == 0 || policies.Any(string.IsNullOrWhiteSpace)))
            {
                missing.Add($"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText})");
            }
        }

        Assert.True(missing.Count == 0, "Endpoints without an explicit authorization policy or AllowAnonymous:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Only_sign_in_health_client_links_and_the_studio_are_anonymous()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy is null))
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Distinct()
            .ToList();

        Assert.Empty(anonymous.Except(AnonymousRoutes));
    }

    [Fact]
    public async Task Without_credentials_every_other_api_route_answers_401_problem_details()
    {
        using var anonymous = server.Factory.CreateAnonymousClient();
        var checkedRoutes = 0;
        foreach (var endpoint in Endpoints())
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || !pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = Parameter().Replace(pattern, "x");
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                var response = await anonymous.SendAsync(request, ApiCalls.Token);
                var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
                Assert.False(response.Headers.Location is not null, $"{method} {path} redirected");
                Assert.NotNull(problem["detail"]);
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes > 30, $"Only {checkedRoutes} routes were checked.");
    }

    [Fact]
    public async Task A_forged_loopback_or_forwarded_origin_grants_nothing()
    {
        using var anonymous = server.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Headers.Add("X-Real-IP", "127.0.0.1");

        await (await anonymous.SendAsync(request, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
