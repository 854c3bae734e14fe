using EscalationFlows.Server.Import;

namespace EscalationFlows.Server.Tests.Import;

public sealed class WorkflowFolderLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("escalationflows-locator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Finds_the_workflows_folder_by_walking_up_from_the_content_root()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "EscalationFlows.sln"), string.Empty);
        var workflows = Directory.CreateDirectory(Path.Combine(repo, "workflows")).FullName;
        var contentRoot = Directory.CreateDirectory(Path.Combine(repo, "src", "EscalationFlows.Server")).FullName;

        Assert.Equal(workflows, WorkflowFolderLocator.Find(null, contentRoot));
        Assert.Equal(workflows, WorkflowFolderLocator.Find(" ", repo));
    }

    [Fact]
    public void Stops_at_the_repository_root_and_resolves_configured_paths_against_the_content_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, "workflows"));
        var repo = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var contentRoot = Directory.CreateDirectory(Path.Combine(repo, "src", "Server")).FullName;

        Assert.Null(WorkflowFolderLocator.Find(null, contentRoot));

        var custom = Directory.CreateDirectory(Path.Combine(contentRoot, "shipped")).FullName;
        Assert.Equal(custom, WorkflowFolderLocator.Find("shipped", contentRoot));
        Assert.Null(WorkflowFolderLocator.Find("missing", contentRoot));
    }
}
