using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>Predictable ids (id-0001, id-0002, ...) so snapshots are stable.</summary>
public sealed class SequentialIds : IIdGenerator
{
    private int _next;

    public string NewId() => $"id-{Interlocked.Increment(ref _next):D4}";
}
