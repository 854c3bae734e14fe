using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Asks the configured model for a cited summary (JSON sentences with entry ids), validates the answer
/// (<see cref="ModelSummaryParser"/>) and returns it with <see cref="SummaryMethods.Model"/>; on an error, a timeout
/// (<see cref="ContextSummaryOptions.Timeout"/>, measured on the injected clock) or an answer with no valid sentence it
/// returns the extractive summary with the <see cref="SummaryFallbackReasons">reason</see>. Personal data is redacted
/// in the request when <see cref="ContextSummaryOptions.Redact"/> is on and restored in the answer. Only a cancellation
/// by the caller propagates.
/// </summary>
public sealed partial class ModelContextSummarizer : IContextSummarizer
{
    private readonly IChatClient _chat;
    private readonly ContextSummaryOptions _options;
    private readonly ExtractiveSummarizer _extractive;
    private readonly TimeProvider _clock;
    private readonly ILogger<ModelContextSummarizer> _logger;

    public ModelContextSummarizer(IChatClient chat, ContextSummaryOptions options, ExtractiveSummarizer extractive, TimeProvider clock, ILogger<ModelContextSummarizer> logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(extractive);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _chat = chat;
        _options = options;
        _extractive = extractive;
        _clock = clock;
        _logger = logger;
    }

    public async Task<ContextSummary> SummarizeAsync(ContextSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Timeline.Any(e => !string.IsNullOrWhiteSpace(e.Text)))
        {
            return Fallback(request, SummaryFallbackReasons.EmptyTimeline, "the timeline has no entry with text", null);
        }

        var redactor = _options.Redact ? new PersonalDataRedactor() : null;
        var messages = ModelSummaryPrompt.Build(request, _options.MaxSentences, redactor);
        var chatOptions = new ChatOptions { ModelId = _options.Model, ResponseFormat = ChatResponseFormat.Json };
        var started = Stopwatch.GetTimestamp();

        using var timeout = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await _chat.GetResponseAsync(messages, chatOptions, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            return Fallback(request, SummaryFallbackReasons.Timeout, $"no answer within {_options.Timeout.TotalSeconds:0.###} s", ex);
        }
#pragma warning disable CA1031 // Any failure of the model call (HTTP status, connection, SDK) falls back to the extractive summary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fallback(request, SummaryFallbackReasons.Error, ex.Message, ex);
        }

        var known = request.Timeline.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var answer = ModelSummaryParser.Parse(response.Text, known, _options.MaxSentences);
        if (answer.FailureReason is { } reason)
        {
            return Fallback(request, reason, answer.FailureDetail ?? reason, null);
        }

        var sentences = redactor is null || redactor.Count == 0
            ? answer.Sentences
            : [.. answer.Sentences.Select(s => s with { Text = redactor.Restore(s.Text) })];
        var model = response.ModelId ?? _options.Model;
        LogModel(_logger, model ?? "?", sentences.Count, answer.Dropped, Stopwatch.GetElapsedTime(started).TotalMilliseconds, redactor?.Count ?? 0);
        return new ContextSummary(sentences, SummaryMethods.Model, model);
    }

    private ContextSummary Fallback(ContextSummaryRequest request, string reason, string detail, Exception? exception)
    {
        LogFallback(_logger, exception, _options.Model ?? "?", reason, detail);
        return _extractive.Summarize(request, reason);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Context summary written by model {Model}: {Sentences} sentences ({Dropped} dropped for missing or unknown citations) in {ElapsedMs:0} ms, {Redacted} personal data values redacted")]
    private static partial void LogModel(ILogger logger, string model, int sentences, int dropped, double elapsedMs, int redacted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Context summary fell back to the extractive summary: model {Model}, reason {Reason}: {Detail}")]
    private static partial void LogFallback(ILogger logger, Exception? exception, string model, string reason, string detail);
}
