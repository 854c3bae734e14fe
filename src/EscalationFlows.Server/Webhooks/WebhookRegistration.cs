using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Webhooks;

public static class WebhookRegistration
{
    /// <summary>Registers the outbox handler that delivers <c>SendWebhook</c> messages, configured from the <c>Webhooks</c> section.</summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "Webhooks:Timeout must be positive.")
            .Validate(o => string.IsNullOrEmpty(o.SigningSecret) || WebhookSignature.TryParseSecret(o.SigningSecret, out _) is not null,
                $"Webhooks:SigningSecret must be '{WebhookSignature.SecretPrefix}' followed by base64 of {WebhookSignature.MinSecretBytes} to {WebhookSignature.MaxSecretBytes} random bytes.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookOutboxHandler.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IOutboxHandler, WebhookOutboxHandler>();
        return services;
    }
}
