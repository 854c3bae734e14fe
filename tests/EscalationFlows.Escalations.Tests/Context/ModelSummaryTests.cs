using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Hosting;
using EscalationFlows.Escalations.Tests.Context.Support;
using EscalationFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Escalations.Tests.Context;

/// <summary>
/// The model path against a real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions wire format, wired
/// exactly as the host wires it (<see cref="EscalationsContextServiceCollectionExtensions.AddEscalationsContext"/>).
/// </summary>
public sealed class ModelSummaryTests : IAsyncLifetime
{
    private readonly FakeOpenAiServer _server = FakeOpenAiServer.Start();
    private readonly FakeTimeProvider _clock = new(Timelines.Start);
    private readonly List<ServiceProvider> _providers = [];

    private static ContextSummaryRequest Request => new(
        "VPN outage for remote staff",
        "Reported by ana.ruiz@client.example, call back on +49 30 1234567.",
        [
            new TimelineEntry("t-1", Timelines.Start, "Ana Ruiz", "client.message", "Remote staff cannot connect to the VPN. Reach me at ana.ruiz@client.example."),
            new TimelineEntry("t-2", Timelines.Start.AddMinutes(30), "Ben Okafor", "resolution.attempt", "Restarted the VPN concentrator; it dropped again after ten minutes."),
            new TimelineEntry("t-3", Timelines.Start.AddMinutes(90), "Ana Ruiz", "client.message", "Now critical: the sales floor is down. Call +49 30 1234567."),
        ],
        ["Restart of the VPN concentrator"],
        new JsonObject { ["name"] = "Client AG", ["tier"] = "gold", ["contact"] = "ana.ruiz@client.example" });

    private IContextSummarizer Summarizer(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai",
            ["Ai:Endpoint"] = _server.BaseAddress.ToString(),
            ["Ai:Model"] = "test-model",
            ["Ai:ApiKey"] = "sk-test",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddEscalationsContext(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IContextSummarizer>();
    }

    [Fact]
    public async Task The_model_answer_is_used_with_its_citations_and_the_request_carries_the_entries_redacted()
    {
        _server.Reply = _ => FakeReply.Sentences(
            ("Remote staff lost VPN access; the client ([email-1]) reported it.", ["t-1"]),
            ("A restart of the concentrator helped only for ten minutes.", ["t-2", "t-1"]),
            ("It became critical for sales; call back on [phone-1].", ["t-3"]));

        var summary = await Summarizer().SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Model, summary.Method);
        Assert.Equal("test-model", summary.Model);
        Assert.Null(summary.FallbackReason);
        Assert.Equal([["t-1"], ["t-2", "t-1"], ["t-3"]], summary.Sentences.Select(s => s.Citations));
        Assert.Equal("Remote staff lost VPN access; the client (ana.ruiz@client.example) reported it.", summary.Sentences[0].Text);
        Assert.Equal("It became critical for sales; call back on +49 30 1234567.", summary.Sentences[2].Text);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("test-model", request.Model);
        Assert.Equal("json_object", request.Body["response_format"]?["type"]?.GetValue<string>());
        var (role, prompt) = request.Messages[^1];
        Assert.Equal("user", role);
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Contains("\"sentences\"", request.Messages[0].Content, StringComparison.Ordinal);

        var escalation = JsonNode.Parse(prompt[prompt.IndexOf('{', StringComparison.Ordinal)..])!;
        var timeline = escalation["timeline"]!.AsArray();
        Assert.Equal(["t-1", "t-2", "t-3"], timeline.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal("Remote staff cannot connect to the VPN. Reach me at [email-1].", timeline[0]!["text"]!.GetValue<string>());
        Assert.Equal("Now critical: the sales floor is down. Call [phone-1].", timeline[2]!["text"]!.GetValue<string>());
        Assert.Equal("Reported by [email-1], call back on [phone-1].", escalation["description"]!.GetValue<string>());
        Assert.Equal("[email-1]", escalation["account"]!["contact"]!.GetValue<string>());
        Assert.Equal("gold", escalation["account"]!["tier"]!.GetValue<string>());
        Assert.DoesNotContain("client.example", request.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", request.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_redaction_off_the_model_sees_the_text_as_it_is()
    {
        _server.Reply = _ => FakeReply.Sentences(("The VPN is down.", ["t-1"]));

        var summary = await Summarizer(("Ai:Redact", "false")).SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Model, summary.Method);
        Assert.Contains("ana.ruiz@client.example", Assert.Single(_server.Requests).Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sentences_citing_unknown_entries_or_nothing_are_dropped_and_the_rest_kept()
    {
        _server.Reply = _ => FakeReply.Completion("""
            ```json
            {"sentences":[
              {"text":"Invented escalation history.","citations":["t-9"]},
              {"text":"Half invented.","citations":["t-1","t-404"]},
              {"text":"No source at all.","citations":[]},
              {"text":"The VPN is down for remote staff.","citations":["t-1","t-1"]}
            ]}
            ```
            """);

        var summary = await Summarizer().SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Model, summary.Method);
        var sentence = Assert.Single(summary.Sentences);
        Assert.Equal("The VPN is down for remote staff.", sentence.Text);
        Assert.Equal(["t-1"], sentence.Citations);
    }

    [Fact]
    public async Task The_answer_is_cut_to_the_configured_number_of_sentences()
    {
        _server.Reply = _ => FakeReply.Sentences(("One.", ["t-1"]), ("Two.", ["t-2"]), ("Three.", ["t-3"]));

        var summary = await Summarizer(("Ai:MaxSentences", "2")).SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(["One.", "Two."], summary.Sentences.Select(s => s.Text));
        Assert.Contains("at most 2 short sentences", _server.Requests[0].Messages[0].Content, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "500", SummaryFallbackReasons.Error },
        { "malformed", SummaryFallbackReasons.InvalidOutput },
        { "wrong-shape", SummaryFallbackReasons.InvalidOutput },
        { "no-sentences", SummaryFallbackReasons.InvalidOutput },
        { "unknown-ids", SummaryFallbackReasons.UnknownCitations },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_or_unusable_answer_falls_back_to_the_extractive_summary_with_the_reason(string failure, string reason)
    {
        _server.Reply = _ => failure switch
        {
            "500" => FakeReply.ServerError(),
            "malformed" => FakeReply.Completion("""{"sentences":[{"text":"cut off"""),
            "wrong-shape" => FakeReply.Completion("""{"summary":"The VPN is down."}"""),
            "no-sentences" => FakeReply.Completion("""{"sentences":[]}"""),
            _ => FakeReply.Sentences(("Made up.", ["t-7"]), ("Also made up.", ["x"])),
        };

        var summary = await Summarizer().SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Extractive, summary.Method);
        Assert.Equal(reason, summary.FallbackReason);
        Assert.Null(summary.Model);
        Assert.NotEmpty(summary.Sentences);
        SummaryInvariants.AssertHolds(Request, summary, 5, failure);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_within_the_timeout_falls_back_on_the_clock()
    {
        _server.Reply = _ => FakeReply.Never();
        var summarizer = Summarizer(("Ai:Timeout", "20"));

        var pending = summarizer.SummarizeAsync(Request, TestContext.Current.CancellationToken);
        await _server.WaitForRequestAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var summary = await pending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Extractive, summary.Method);
        Assert.Equal(SummaryFallbackReasons.Timeout, summary.FallbackReason);
        SummaryInvariants.AssertHolds(Request, summary, 5, "timeout");
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back_with_error_and_an_empty_timeline_never_calls_the_model()
    {
        var down = Summarizer(("Ai:Endpoint", "http://127.0.0.1:1/v1"));
        var summary = await down.SummarizeAsync(Request, TestContext.Current.CancellationToken);
        Assert.Equal(SummaryFallbackReasons.Error, summary.FallbackReason);

        var empty = await Summarizer().SummarizeAsync(new ContextSummaryRequest("New", null, []), TestContext.Current.CancellationToken);
        Assert.Equal(SummaryFallbackReasons.EmptyTimeline, empty.FallbackReason);
        Assert.Empty(empty.Sentences);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_cancellation_by_the_caller_is_not_swallowed()
    {
        _server.Reply = _ => FakeReply.Never();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var pending = Summarizer().SummarizeAsync(Request, cancel.Token);
        await _server.WaitForRequestAsync(TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Without_a_model_the_registered_summarizer_is_extractive_and_calls_nothing()
    {
        var services = new ServiceCollection();
        services.AddEscalationsContext(new ConfigurationBuilder().Build());
        services.AddEscalationsContext(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();

        var summarizer = provider.GetRequiredService<IContextSummarizer>();
        var summary = await summarizer.SummarizeAsync(Request, TestContext.Current.CancellationToken);

        Assert.IsType<ExtractiveSummarizer>(summarizer);
        Assert.Single(services, d => d.ServiceType == typeof(IContextSummarizer));
        Assert.Equal(SummaryMethods.Extractive, summary.Method);
        Assert.Null(summary.FallbackReason);
        Assert.Empty(_server.Requests);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}
