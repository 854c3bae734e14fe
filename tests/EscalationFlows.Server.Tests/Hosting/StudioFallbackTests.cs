using System.Net;
using EscalationFlows.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EscalationFlows.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class StudioFallbackTests(ServerFixture server)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/workflows/escalation-triage")]
    [InlineData("/workflows/escalation.triage/versions")]
    [InlineData("/tasks/0f3c2a")]
    [InlineData("/client/djF8YWJj.c2lnbmF0dXJl")]
    [InlineData("/escalations/01a2b3/client?token=djF8YWJj.c2lnbmF0dXJl")]
    public async Task The_built_studio_is_served_for_client_routes_including_dotted_definition_ids(string path)
    {
        var response = await server.Client.GetAsync(path, ApiCalls.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(ApiCalls.Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/workflows/escalation/edit")]
    public async Task Without_a_built_studio_a_placeholder_page_says_so(string path)
    {
        var webRoot = Directory.CreateTempSubdirectory("escalationflows-empty-wwwroot-").FullName;
        try
        {
            // Production: no static web assets from the build output, only the (empty) web root.
            await using var factory = new ServerFactory().WithWebHostBuilder(b => b.UseEnvironment("Production").UseWebRoot(webRoot));
            using var client = factory.CreateClient();
            var response = await client.GetAsync(path, ApiCalls.Token);
            var html = await response.Content.ReadAsStringAsync(ApiCalls.Token);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("web studio was not built", html, StringComparison.Ordinal);
            Assert.Contains("/scalar", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(webRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Api_paths_never_get_html_unknown_ones_are_404_and_wrong_methods_405_problems()
    {
        await (await server.Client.GetAsync("/api/no-such-thing", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await server.Client.PostEmptyAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await server.Client.GetAsync("/health/nothing", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await server.Client.GetAsync("/assets/missing.js", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await server.Client.DeleteAsync("/health/live/x", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var putResponse = await server.Client.PutAsync("/api/workflow-definitions", new StringContent("{}"), ApiCalls.Token);
        var put = await putResponse.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Contains("PUT", put["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["GET", "POST"], putResponse.Content.Headers.Allow.Order());
        var deleteResponse = await server.Client.DeleteAsync("/api/workflow-instances/x", ApiCalls.Token);
        await deleteResponse.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(["GET"], deleteResponse.Content.Headers.Allow);
        var versionResponse = await server.Client.GetAsync("/api/workflow-definitions/x/versions/1", ApiCalls.Token);
        await versionResponse.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(["DELETE"], versionResponse.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_built_studio_index_html_is_served_for_client_routes()
    {
        var webRoot = Directory.CreateTempSubdirectory("escalationflows-wwwroot-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(webRoot, "index.html"), "<!doctype html><title>Studio</title><div id=root></div>", ApiCalls.Token);
            await File.WriteAllTextAsync(Path.Combine(webRoot, "app.js"), "console.log('studio');", ApiCalls.Token);
            await using var factory = new ServerFactory().WithWebHostBuilder(b => b.UseEnvironment("Production").UseWebRoot(webRoot));
            using var client = factory.CreateClient();

            foreach (var path in new[] { "/", "/instances/abc", "/workflows/escalation.triage" })
            {
                var page = await client.GetAsync(path, ApiCalls.Token);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("<div id=root>", await page.Content.ReadAsStringAsync(ApiCalls.Token), StringComparison.Ordinal);
            }

            var script = await client.GetAsync("/app.js", ApiCalls.Token);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            Directory.Delete(webRoot, recursive: true);
        }
    }
}
