using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Creates the <see cref="IChatClient"/> for <see cref="ContextSummaryOptions"/>: the OpenAI SDK pointed at any
/// OpenAI-compatible endpoint (OpenAI, Ollama's <c>/v1</c>, vLLM, LM Studio). The SDK's own retries are off (a failed
/// call falls back to the extractive summary at once) and its network timeout is the configured timeout.
/// </summary>
public static class ContextChatClientFactory
{
    public static IChatClient Create(ContextSummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesModel)
        {
            throw new InvalidOperationException("No model is configured (Ai:Model with Ai:Endpoint or Ai:Provider).");
        }

        var endpoint = options.Endpoint ?? (options.Provider == AiProviders.Ollama ? AiProviders.OllamaDefaultEndpoint : AiProviders.OpenAiDefaultEndpoint);

        // Ollama and most self-hosted servers ignore the key, but the SDK requires one.
        var key = options.ApiKey ?? "unused";
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
