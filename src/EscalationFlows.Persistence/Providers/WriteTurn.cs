namespace EscalationFlows.Persistence.Providers;

/// <summary>A writer's turn from <see cref="StoreDialect.EnterWriteAsync"/>; disposing it lets the next writer in.</summary>
internal readonly struct WriteTurn : IDisposable
{
    private readonly SemaphoreSlim? _gate;

    public WriteTurn(SemaphoreSlim? gate)
    {
        _gate = gate;
    }

    public void Dispose() => _gate?.Release();
}
