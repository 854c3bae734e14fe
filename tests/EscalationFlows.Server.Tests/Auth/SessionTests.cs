using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>Signing in with the studio's contract: cookie session, /me, sign-out, problem details instead of redirects, lockout, CSRF.</summary>
[Collection(ServerCollection.Name)]
public sealed class SessionTests(ServerFixture server)
{
    private static string Email(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_me_describes_the_user_until_sign_out()
    {
        await server.Factory.EnsureTeamAsync("Network", "vpn");
        var email = Email("ana");
        var id = await server.Factory.CreateUserAsync(email, ["agent", "resolver"], "Network");
        using var client = server.Factory.CreateAnonymousClient();

        var login = await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = email.ToUpperInvariant(), ["password"] = ServerFactory.UserPassword });
        var user = await login.ReadObjectAsync();

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ef_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(id, user["id"]!.GetValue<string>());
        var me = await client.GetObjectAsync("/api/auth/me");
        Assert.Equal(email, me["email"]!.GetValue<string>());
        Assert.Equal(["agent", "resolver"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal(["Network"], me["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(5, me.Count);

        await (await client.PostJsonAsync("/api/auth/logout", "{}")).ReadJsonOrEmptyAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/auth/me", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Anonymous_me_and_wrong_passwords_are_401_problems_and_nothing_redirects()
    {
        using var client = server.Factory.CreateAnonymousClient();
        var me = await client.GetAsync("/api/auth/me", ApiCalls.Token);
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Null(me.Headers.Location);

        var email = Email("bo");
        await server.Factory.CreateUserAsync(email, ["viewer"]);
        await (await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = "not the password" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "sign-in-failed");
        await (await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = Email("nobody"), ["password"] = "whatever it is" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "sign-in-failed");
        var missing = await (await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = email })).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        Assert.Contains(missing.Errors(), e => e.Pointer == "/password");
    }

    [Fact]
    public async Task A_signed_in_user_without_the_permission_gets_a_403_problem_not_a_redirect()
    {
        var email = Email("vi");
        await server.Factory.CreateUserAsync(email, ["viewer"]);
        using var viewer = await server.Factory.SignInAsync(email);

        var response = await viewer.PostJsonAsync("/api/workflow-definitions/validate", "{}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Null(response.Headers.Location);
        Assert.Contains("definitions.edit", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await viewer.GetObjectAsync("/api/auth/me");
    }

    [Fact]
    public async Task Roles_are_granted_by_admins_only_never_through_a_request_body()
    {
        var email = Email("owner");
        await server.Factory.CreateUserAsync(email, ["process-owner"]);
        using var owner = await server.Factory.SignInAsync(email);

        var body = new JsonObject { ["email"] = Email("evil"), ["displayName"] = "Evil", ["password"] = "a long enough pass", ["roles"] = new JsonArray("admin") };
        await (await owner.PostJsonAsync("/api/users", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var manager = server.Factory.CreateClientAs("escalation-manager");
        await (await manager.PostJsonAsync("/api/users", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await manager.PostJsonAsync("/api/api-keys", new JsonObject { ["name"] = "x", ["roles"] = new JsonArray("admin") })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Creating_a_user_checks_every_field_and_a_taken_email_is_a_409()
    {
        using var admin = server.Factory.CreateClient();
        var body = new JsonObject { ["email"] = "not an email", ["displayName"] = "", ["password"] = "short", ["roles"] = new JsonArray("wizard"), ["teams"] = new JsonArray("No such team") };

        var problem = await (await admin.PostJsonAsync("/api/users", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["/displayName", "/email", "/password", "/roles/0", "/teams/0"], problem.Errors().Select(e => e.Pointer).Order(StringComparer.Ordinal));
        var email = Email("dup");
        await server.Factory.CreateUserAsync(email, ["viewer"]);
        var again = new JsonObject { ["email"] = email.ToUpperInvariant(), ["displayName"] = "Dup", ["password"] = ServerFactory.UserPassword, ["roles"] = new JsonArray("viewer") };
        await (await admin.PostJsonAsync("/api/users", again)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var users = (await (await admin.GetAsync("/api/users", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        var listed = users.Single(u => u!["email"]!.GetValue<string>() == email)!.AsObject();
        Assert.False(listed.ContainsKey("passwordHash"));
        Assert.DoesNotContain("AQAAAA", users.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_failed_sign_ins_the_account_is_locked_for_five_minutes()
    {
        var email = Email("locked");
        await server.Factory.CreateUserAsync(email, ["viewer"]);
        using var client = server.Factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = $"wrong password {i}" }))
                .AssertProblemAsync(HttpStatusCode.Unauthorized, "sign-in-failed");
        }

        var right = new JsonObject { ["email"] = email, ["password"] = ServerFactory.UserPassword };
        await (await client.PostJsonAsync("/api/auth/login", right)).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign-in-failed");

        server.Factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await (await client.PostJsonAsync("/api/auth/login", right)).ReadObjectAsync();
    }

    [Fact]
    public async Task State_changing_cookie_requests_from_another_site_are_refused()
    {
        var email = Email("csrf");
        await server.Factory.CreateUserAsync(email, ["process-owner"]);
        using var owner = await server.Factory.SignInAsync(email);
        var definition = Workflows.Finishing(Ids.New("csrf")).Json;

        using var evil = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions") { Content = new StringContent(definition, System.Text.Encoding.UTF8, "application/json") };
        evil.Headers.Add("Origin", "https://evil.example");
        await (await owner.SendAsync(evil, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "cross-origin-request");

        using var sibling = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions") { Content = new StringContent(definition, System.Text.Encoding.UTF8, "application/json") };
        sibling.Headers.Add("Sec-Fetch-Site", "cross-site");
        await (await owner.SendAsync(sibling, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "cross-origin-request");

        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions") { Content = new StringContent(definition, System.Text.Encoding.UTF8, "application/json") };
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await owner.SendAsync(own, ApiCalls.Token)).StatusCode);

        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = new StringContent("""{"email":"a@b.c","password":"x"}""", System.Text.Encoding.UTF8, "application/json") };
        login.Headers.Add("Origin", "https://evil.example");
        await (await server.Factory.CreateAnonymousClient().SendAsync(login, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "cross-origin-request");
    }
}
