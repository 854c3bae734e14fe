namespace EscalationFlows.Testing;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding EscalationFlows.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Designer => Path.Combine(Root, "designer");

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EscalationFlows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"EscalationFlows.sln was not found above {AppContext.BaseDirectory}.");
    }
}
