namespace EscalationFlows.Server.Tests.Support;

/// <summary>One host shared by the tests of the <see cref="ServerCollection"/> (they run one after another).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
