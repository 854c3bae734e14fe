namespace EscalationFlows.Server.Hosting;

/// <summary>Request limits, bound from the <c>Limits</c> configuration section.</summary>
public sealed class ServerLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body accepted, in bytes (Kestrel's limit and the API's own reading limit).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
