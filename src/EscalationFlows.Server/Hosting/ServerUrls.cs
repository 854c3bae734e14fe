namespace EscalationFlows.Server.Hosting;

/// <summary>Where the server listens when nothing was configured.</summary>
public static class ServerUrls
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>
    /// True when the URLs were set by <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>
    /// or Kestrel endpoint configuration.
    /// </summary>
    public static bool AreConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }
}
