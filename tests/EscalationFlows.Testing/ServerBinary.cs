using System.Reflection;

namespace EscalationFlows.Testing;

/// <summary>
/// Where the server's build output is. A project that starts the server adds a ProjectReference to it with
/// <c>ReferenceOutputAssembly="false"</c> (so it is built first) and writes the dll's path into its own assembly as
/// <c>[AssemblyMetadata("ServerAssembly", path)]</c>; see tests/EscalationFlows.Reliability.Tests.
/// </summary>
public static class ServerBinary
{
    /// <summary>The <c>dotnet</c> host running this process when it is one (so the server runs on the same runtime), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The server dll named by <paramref name="assembly"/>'s <c>ServerAssembly</c> metadata.</summary>
    /// <exception cref="InvalidOperationException">The metadata is missing or the file does not exist (not built).</exception>
    public static string Find(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var path = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "ServerAssembly")?.Value
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no [AssemblyMetadata(\"ServerAssembly\", ...)].");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The server is not built at {path}; build the solution (or {assembly.GetName().Name}, which builds the server first).");
        }

        return path;
    }
}
