namespace EscalationFlows.Escalations.Context;

/// <summary>The values of <c>Ai:Provider</c>. Both are spoken to through the OpenAI chat-completions wire format.</summary>
public static class AiProviders
{
    public const string OpenAi = "openai";

    public const string Ollama = "ollama";

    /// <summary>Used when <c>Ai:Provider</c> is ollama and <c>Ai:Endpoint</c> is not set.</summary>
    public static readonly Uri OllamaDefaultEndpoint = new("http://localhost:11434/v1");

    /// <summary>Used when <c>Ai:Provider</c> is openai and <c>Ai:Endpoint</c> is not set.</summary>
    public static readonly Uri OpenAiDefaultEndpoint = new("https://api.openai.com/v1");
}
