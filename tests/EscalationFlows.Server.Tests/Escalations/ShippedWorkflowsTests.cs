using EscalationFlows.Server.Import;
using EscalationFlows.Server.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The server imports the repository's own workflows/ folder at start (as it does out of the box, found next to the
/// content root) and publishes every shipped lifecycle workflow; nothing in the folder is rejected.
/// </summary>
public sealed class ShippedWorkflowsTests
{
    private static readonly string[] Lifecycle = ["escalation-trigger", "escalation-triage", "escalation-assignment", "escalation-resolution", "escalation-closure"];

    [Fact]
    public async Task The_five_lifecycle_workflows_in_workflows_are_published_on_start()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { ["Workflows:ImportPath"] = RepositoryPaths.Workflows });
        using var client = factory.CreateClient();

        foreach (var id in Lifecycle)
        {
            var published = await client.GetObjectAsync($"/api/workflow-definitions/{id}?version=published");
            Assert.Equal("published", published["status"]!.GetValue<string>());
        }

        var report = await factory.Services.GetRequiredService<WorkflowImporter>().ImportAsync(ApiCalls.Token);
        Assert.Equal(Path.GetFullPath(RepositoryPaths.Workflows), Path.GetFullPath(report.Folder!));
        Assert.All(report.Outcomes, o => Assert.True(o.Action == WorkflowImportAction.Unchanged, $"{o.File}: {o.Action} {string.Join("; ", o.Errors.Select(e => $"{e.Pointer} {e.Code} {e.Message}"))}"));
        Assert.Subset(report.Outcomes.Select(o => o.DefinitionId!).ToHashSet(StringComparer.Ordinal), Lifecycle.ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error && e.Category.EndsWith(nameof(WorkflowImporter), StringComparison.Ordinal));
    }
}
