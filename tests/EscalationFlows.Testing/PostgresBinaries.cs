using System.Globalization;

namespace EscalationFlows.Testing;

/// <summary>Finds a PostgreSQL server installation (a directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>).</summary>
public static class PostgresBinaries
{
    /// <summary>Names a directory with the server binaries, overriding the search.</summary>
    public const string DirectoryVariable = "ESCALATIONFLOWS_PG_BIN";

    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The directory, or null with the reason in <paramref name="reason"/>.</summary>
    public static string? Find(out string reason) => Find(Environment.GetEnvironmentVariable(DirectoryVariable), out reason);

    /// <summary>Like <see cref="Find(out string)"/>, with <paramref name="overridden"/> in place of the environment variable.</summary>
    public static string? Find(string? overridden, out string reason)
    {
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            if (HasAll(overridden))
            {
                reason = string.Empty;
                return overridden;
            }

            reason = $"{DirectoryVariable}='{overridden}' does not contain {string.Join(", ", Required)}.";
            return null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Path: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m))
                .Where(d => HasAll(d.Path))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Path is not null)
            {
                reason = string.Empty;
                return newest.Path;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasAll(directory))
            {
                reason = string.Empty;
                return directory;
            }
        }

        reason = $"PostgreSQL server binaries ({string.Join(", ", Required)}) were found neither in {debianRoot}/*/bin nor on PATH; "
            + $"install them (apt-get install postgresql-15) or set {DirectoryVariable}.";
        return null;
    }

    private static bool HasAll(string directory) => Required.All(name => File.Exists(Path.Combine(directory, name)));
}
