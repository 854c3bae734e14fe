using EscalationFlows.Escalations.Context;
using Microsoft.Extensions.Configuration;

namespace EscalationFlows.Escalations.Tests.Context;

public sealed class ContextSummaryOptionsReaderTests
{
    private static ContextSummaryOptions Read(params (string Key, string Value)[] settings) => ContextSummaryOptionsReader.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Ai:{s.Key}", (string?)s.Value))).Build());

    [Fact]
    public void Without_settings_only_the_extractive_summarizer_runs_with_the_defaults()
    {
        var options = Read();

        Assert.False(options.UsesModel);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.True(options.Redact);
        Assert.Equal(5, options.MaxSentences);
        Assert.Equal("UTC", options.TimeZone);
    }

    [Fact]
    public void A_model_with_an_endpoint_or_a_provider_turns_the_model_path_on()
    {
        Assert.True(Read(("Endpoint", "http://127.0.0.1:9/v1"), ("Model", "m")).UsesModel);
        Assert.True(Read(("Provider", "Ollama"), ("Model", "llama3.2")).UsesModel);
        Assert.Equal(AiProviders.Ollama, Read(("Provider", "Ollama"), ("Model", "llama3.2")).Provider);
        Assert.False(Read(("Endpoint", "http://127.0.0.1:9/v1")).UsesModel);
    }

    [Theory]
    [InlineData("20", 20)]
    [InlineData("2.5", 2.5)]
    [InlineData("00:00:07", 7)]
    public void The_timeout_is_seconds_or_a_time_span(string value, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Read(("Timeout", value)).Timeout);
    }

    [Theory]
    [InlineData("Provider", "anthropic", "Ai:Provider")]
    [InlineData("Endpoint", "not a url", "Ai:Endpoint")]
    [InlineData("Endpoint", "ftp://host/v1", "Ai:Endpoint")]
    [InlineData("Timeout", "0", "Ai:Timeout")]
    [InlineData("Timeout", "soon", "Ai:Timeout")]
    [InlineData("Redact", "maybe", "Ai:Redact")]
    [InlineData("MaxSentences", "0", "Ai:MaxSentences")]
    [InlineData("TimeZone", "Mars/Olympus", "Ai:TimeZone")]
    public void A_value_that_cannot_be_used_fails_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((key, value)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_needs_a_model_and_the_openai_api_needs_a_key()
    {
        Assert.Contains("Ai:Model", Assert.Throws<InvalidOperationException>(() => Read(("Provider", "openai"))).Message, StringComparison.Ordinal);
        Assert.Contains("Ai:ApiKey", Assert.Throws<InvalidOperationException>(() => Read(("Provider", "openai"), ("Model", "gpt-4o-mini"))).Message, StringComparison.Ordinal);
    }
}
