namespace EscalationFlows.Server.Tests.Support;

/// <summary>Unique definition ids so tests sharing a host never see each other's data.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
