using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>The first admin is created once (from configuration, or with a password logged once); demo accounts only with Seed:Demo=true.</summary>
public sealed partial class BootstrapTests
{
    private static async Task<int> UserCountAsync(ServerFactory factory)
    {
        using var admin = factory.CreateClient();
        return (await (await admin.GetAsync("/api/users", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray().Count;
    }

    [Fact]
    public async Task The_configured_admin_is_created_on_the_first_start_only()
    {
        var root = Directory.CreateTempSubdirectory("escalationflows-bootstrap-").FullName;
        var settings = new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = "root@example.com", ["Bootstrap:AdminPassword"] = "a very long admin passphrase" };
        try
        {
            await using (var first = new ServerFactory(settings, root: root))
            {
                using var admin = await first.SignInAsync("root@example.com", "a very long admin passphrase");
                Assert.Equal(["admin"], (await admin.GetObjectAsync("/api/auth/me"))["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
                Assert.Equal(1, await UserCountAsync(first));
            }

            var changed = new Dictionary<string, string?>(settings) { ["Bootstrap:AdminEmail"] = "other@example.com" };
            await using var second = new ServerFactory(changed, root: root);
            Assert.Equal(1, await UserCountAsync(second));
            await second.SignInAsync("root@example.com", "a very long admin passphrase");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_configuration_a_generated_password_is_logged_once_and_works()
    {
        var root = Directory.CreateTempSubdirectory("escalationflows-bootstrap-").FullName;
        try
        {
            string password;
            await using (var first = new ServerFactory(root: root))
            {
                first.CreateClient().Dispose();
                var line = Assert.Single(first.Logs.Entries, e => e.Message.Contains("generated password", StringComparison.Ordinal)).Message;
                password = GeneratedPassword().Match(line).Groups[1].Value;
                Assert.Equal(24, password.Length);
                await first.SignInAsync("admin@escalationflows.local", password);
            }

            await using var second = new ServerFactory(root: root);
            second.CreateClient().Dispose();
            Assert.DoesNotContain(second.Logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
            Assert.Equal(1, await UserCountAsync(second));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_weak_configured_admin_password_stops_the_start()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = "password" });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Bootstrap:AdminPassword", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_accounts_exist_only_with_seed_demo_and_seeding_twice_adds_nothing()
    {
        await using (var plain = new ServerFactory())
        {
            using var anonymous = plain.CreateAnonymousClient();
            await (await anonymous.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = "agent@demo.local", ["password"] = "escalation-demo" }))
                .AssertProblemAsync(HttpStatusCode.Unauthorized, "sign-in-failed");
        }

        var root = Directory.CreateTempSubdirectory("escalationflows-demo-").FullName;
        var demo = new Dictionary<string, string?> { ["Seed:Demo"] = "true" };
        try
        {
            await using (var first = new ServerFactory(demo, root: root))
            {
                using var agent = await first.SignInAsync("agent@demo.local", "escalation-demo");
                var me = await agent.GetObjectAsync("/api/auth/me");
                Assert.Equal(["agent"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
                Assert.Equal(["Applications", "Network"], me["teams"]!.AsArray().Select(r => r!.GetValue<string>()));
                foreach (var email in new[] { "admin", "owner", "manager", "resolver", "leader", "viewer" })
                {
                    await first.SignInAsync($"{email}@demo.local", "escalation-demo");
                }

                Assert.Equal(8, await UserCountAsync(first));
                var teams = await (await first.CreateClient().GetAsync("/api/teams", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK);
                Assert.Equal(["Applications", "Billing", "Network"], teams.AsArray().Select(t => t!["name"]!.GetValue<string>()));
            }

            await using var second = new ServerFactory(demo, root: root);
            Assert.Equal(8, await UserCountAsync(second));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [GeneratedRegex("generated password \"?([^\\s\"]+)\"? ")]
    private static partial Regex GeneratedPassword();
}
