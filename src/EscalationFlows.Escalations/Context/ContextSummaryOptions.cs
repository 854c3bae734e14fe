namespace EscalationFlows.Escalations.Context;

/// <summary>
/// How context summaries are written, read from the <c>Ai</c> configuration section by
/// <see cref="ContextSummaryOptionsReader"/>. Without <see cref="Model"/> (and an <see cref="Endpoint"/> or a
/// <see cref="Provider"/>) only the offline extractive summarizer runs.
/// </summary>
public sealed class ContextSummaryOptions
{
    public const string Section = "Ai";

    /// <summary><see cref="AiProviders.OpenAi"/> or <see cref="AiProviders.Ollama"/> (through its OpenAI-compatible <c>/v1</c>); null when no model is configured.</summary>
    public string? Provider { get; set; }

    /// <summary>Base URL of the OpenAI-compatible API, including <c>/v1</c> (e.g. <c>http://localhost:11434/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How long the model may take before the extractive summary is returned instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Replace e-mail addresses and phone numbers with placeholders in what is sent to the model.</summary>
    public bool Redact { get; set; } = true;

    /// <summary>At most this many sentences in a summary (both paths).</summary>
    public int MaxSentences { get; set; } = 5;

    /// <summary>The IANA (or Windows) time zone the extractive summary writes times in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether the model path is configured: a model and an endpoint or a provider.</summary>
    public bool UsesModel => !string.IsNullOrWhiteSpace(Model) && (Endpoint is not null || !string.IsNullOrWhiteSpace(Provider));
}
