using EscalationFlows.Testing;

namespace EscalationFlows.Studio.Tests;

/// <summary>Runs the studio's vitest suite, so the one test command covers the TypeScript code too.</summary>
public sealed class DesignerUnitTests
{
    [Fact]
    public async Task The_vitest_suite_of_the_studio_passes()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.Designer, "node_modules", ".package-lock.json")))
        {
            Assert.Skip("designer/node_modules is missing: the studio build (npm ci) was skipped, e.g. with -p:SkipStudioBuild=true.");
        }

        var output = await ProcessRunner.RunAsync("npm", ["test", "--prefix", RepositoryPaths.Designer, "--", "--reporter=dot"], TimeSpan.FromMinutes(5),
            TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(output);
        Assert.Contains("passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" failed", output, StringComparison.Ordinal);
    }
}
