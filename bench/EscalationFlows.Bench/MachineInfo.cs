using System.Globalization;
using System.Runtime.InteropServices;

namespace EscalationFlows.Bench;

/// <summary>The machine a run happened on, read from /proc and the runtime (Linux).</summary>
public static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"CPU: {Environment.ProcessorCount} logical cores, {ProcField("/proc/cpuinfo", "model name") ?? "unknown model"}";
        var memKb = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        yield return $"RAM: {(memKb is null ? "unknown" : (long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB")}";
        var temp = new DriveInfo(Path.GetTempPath());
        yield return $"Disk (temp folder {Path.GetTempPath()}): {temp.DriveFormat} on {temp.Name}, {temp.TotalSize / 1024 / 1024 / 1024} GiB, {temp.AvailableFreeSpace / 1024 / 1024 / 1024} GiB free";
        yield return $"OS: {OsName()} (kernel {Read("/proc/sys/kernel/osrelease")?.Trim() ?? "?"}), {RuntimeInformation.OSArchitecture}";
        yield return $".NET: {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
        yield return $"Load average before the run (1/5/15 min): {LoadAverage()}";
    }

    public static string LoadAverage() => string.Join(" / ", (Read("/proc/loadavg") ?? "? ? ?").Split(' ').Take(3));

    private static string OsName() =>
        (Read("/etc/os-release") ?? string.Empty).Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
        ?? RuntimeInformation.OSDescription;

    private static string? ProcField(string file, string name) =>
        (Read(file) ?? string.Empty).Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
