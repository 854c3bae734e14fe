using System.Text.RegularExpressions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;

namespace EscalationFlows.Engine.Tests.Architecture;

public sealed partial class TimeSourceTests
{
    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(Now|UtcNow|Today)\b|\bStopwatch\b|\bEnvironment\s*\.\s*TickCount", RegexOptions.CultureInvariant)]
    private static partial Regex SystemClock();

    [Fact]
    public void The_engine_reads_time_only_through_TimeProvider()
    {
        var offenders = Directory.EnumerateFiles(RepositoryPaths.EngineSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use the injected TimeProvider instead:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_engine_does_not_depend_on_ASP_NET_Core_or_EF_Core()
    {
        var references = typeof(WorkflowExecutor).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
