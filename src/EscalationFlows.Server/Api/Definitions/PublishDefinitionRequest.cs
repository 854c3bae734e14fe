namespace EscalationFlows.Server.Api.Definitions;

/// <summary>Optional body of the publish endpoint; without a version the latest one is published.</summary>
public sealed class PublishDefinitionRequest
{
    public int? Version { get; init; }
}
