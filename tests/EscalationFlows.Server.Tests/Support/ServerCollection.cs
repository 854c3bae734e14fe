namespace EscalationFlows.Server.Tests.Support;

/// <summary>Tests sharing one host and its fake clock; xunit runs them sequentially.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
