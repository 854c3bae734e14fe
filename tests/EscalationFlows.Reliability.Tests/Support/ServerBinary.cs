using System.Reflection;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>Where the server's build output is (written into this assembly at build time; see the project file).</summary>
public static class ServerBinary
{
    public static string AssemblyPath { get; } = Find();

    /// <summary>The <c>dotnet</c> host that runs the tests (so the server runs on the same runtime), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Find()
    {
        var path = typeof(ServerBinary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The server is not built at {path}; build the solution (or this test project, which builds the server first).");
        }

        return path;
    }
}
