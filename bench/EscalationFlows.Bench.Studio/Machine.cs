using System.Globalization;
using System.Runtime.InteropServices;

namespace EscalationFlows.Bench.Studio;

/// <summary>What the numbers were measured on: CPU, cores, memory, OS, runtime and the load while measuring.</summary>
public static class Machine
{
    public static string Describe(string browserVersion)
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var value)
            ? $"{value / 1024.0 / 1024.0:0.#} GiB"
            : "unknown";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory} RAM; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; Chromium {browserVersion} headless";
    }

    /// <summary>The 1-minute load average (Linux), or null.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
