using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Reads <see cref="ContextSummaryOptions"/> from the <c>Ai</c> section. <c>Ai:Timeout</c> accepts seconds ("20") or a
/// time span ("00:00:20"). A value that cannot be used throws <see cref="InvalidOperationException"/> naming the key,
/// so a misconfigured server fails at startup instead of silently never using its model.
/// </summary>
public static class ContextSummaryOptionsReader
{
    public static ContextSummaryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ContextSummaryOptions.Section);
        var options = new ContextSummaryOptions
        {
            Provider = Blank(section["Provider"])?.ToLowerInvariant(),
            Model = Blank(section["Model"]),
            ApiKey = Blank(section["ApiKey"]),
        };

        if (options.Provider is not null and not AiProviders.OpenAi and not AiProviders.Ollama)
        {
            throw Invalid("Provider", $"'{options.Provider}' is not a provider; use '{AiProviders.OpenAi}' or '{AiProviders.Ollama}'.");
        }

        if (Blank(section["Endpoint"]) is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw Invalid("Endpoint", $"'{endpoint}' is not an absolute http(s) URL.");
            }

            options.Endpoint = uri;
        }

        if (Blank(section["Timeout"]) is { } timeout)
        {
            options.Timeout = ParseTimeout(timeout);
        }

        if (Blank(section["Redact"]) is { } redact)
        {
            options.Redact = bool.TryParse(redact, out var value) ? value : throw Invalid("Redact", $"'{redact}' is not true or false.");
        }

        if (Blank(section["MaxSentences"]) is { } max)
        {
            options.MaxSentences = int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 50
                ? count
                : throw Invalid("MaxSentences", $"'{max}' is not a whole number from 1 to 50.");
        }

        if (Blank(section["TimeZone"]) is { } zone)
        {
            options.TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : throw Invalid("TimeZone", $"'{zone}' is not a known time zone.");
        }

        if (options.Provider is not null && options.Model is null)
        {
            throw Invalid("Model", $"Ai:Provider is '{options.Provider}' but no model is named.");
        }

        if (options.UsesModel && options.Provider is AiProviders.OpenAi && options.Endpoint is null && options.ApiKey is null)
        {
            throw Invalid("ApiKey", "The OpenAI API needs an API key.");
        }

        return options;
    }

    private static TimeSpan ParseTimeout(string text)
    {
        TimeSpan value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            throw Invalid("Timeout", $"'{text}' is neither seconds nor a time span.");
        }

        return value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(10) ? value : throw Invalid("Timeout", $"'{text}' must be more than 0 and at most 10 minutes.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvalidOperationException Invalid(string key, string message) => new($"Configuration {ContextSummaryOptions.Section}:{key}: {message}");
}
