namespace EscalationFlows.Server.Import;

/// <summary>Finds the folder of shipped workflows.</summary>
public static class WorkflowFolderLocator
{
    private const string FolderName = "workflows";
    private const int MaxLevels = 8;

    /// <summary>
    /// The configured path (relative to <paramref name="contentRoot"/>), else the first <c>workflows</c> folder found in
    /// the content root or its parents, stopping at the repository root (the folder with EscalationFlows.sln or .git).
    /// Null when there is none.
    /// </summary>
    public static string? Find(string? configuredPath, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = Path.GetFullPath(configuredPath, contentRoot);
            return Directory.Exists(path) ? path : null;
        }

        var current = new DirectoryInfo(contentRoot);
        for (var level = 0; current is not null && level < MaxLevels; level++, current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(current.FullName, "EscalationFlows.sln")) || Path.Exists(Path.Combine(current.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }
}
