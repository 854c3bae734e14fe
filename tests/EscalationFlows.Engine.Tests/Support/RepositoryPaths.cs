namespace EscalationFlows.Engine.Tests.Support;

/// <summary>Finds the repository root (the folder holding EscalationFlows.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "EscalationFlows.Engine.Tests");

    public static string EngineSource => Path.Combine(Root, "src", "EscalationFlows.Engine");

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFlows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EscalationFlows.sln above {AppContext.BaseDirectory}.");
    }
}
