using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Studio.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Studio.Tests;

/// <summary>
/// The studio's API types are generated from designer/openapi/v1.json, the committed copy of the server's document:
/// these tests fail when the copy is stale or the generated types were not regenerated from it.
/// </summary>
public sealed class OpenApiDocumentTests(StudioFixture studio)
{
    public const string RefreshCommand = "UPDATE_OPENAPI=1 dotnet test --project tests/EscalationFlows.Studio.Tests -- --filter-class \"*OpenApiDocumentTests\"";

    private static readonly string CommittedPath = Path.Combine(RepositoryPaths.Designer, "openapi", "v1.json");

    [Fact]
    public async Task The_committed_openapi_document_is_what_the_server_serves()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        var served = (await admin.GetJsonAsync("/openapi/v1.json")).AsObject();
        served.Remove("servers");
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, text, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"Wrote {CommittedPath}; now run `npm run gen:api` in designer/ and commit both files.");
            return;
        }

        var committed = File.Exists(CommittedPath) ? JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath, TestContext.Current.CancellationToken)) : null;
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"designer/openapi/v1.json is not what the server serves at /openapi/v1.json. Run `{RefreshCommand}`, then `npm run gen:api` in designer/, and commit both files.");
    }

    [Fact]
    public async Task The_generated_types_are_up_to_date_with_the_committed_document()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.Designer, "node_modules", ".package-lock.json")))
        {
            Assert.Skip("designer/node_modules is missing: the studio build (npm ci) was skipped, e.g. with -p:SkipStudioBuild=true.");
        }

        var output = await ProcessRunner.RunAsync("npm", ["run", "--silent", "--prefix", RepositoryPaths.Designer, "gen:api", "--", "--check"], TimeSpan.FromMinutes(2),
            TestContext.Current.CancellationToken);
        Assert.Contains("matches openapi/v1.json", output, StringComparison.Ordinal);
    }
}
