using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Tests.Context.Support;

namespace EscalationFlows.Escalations.Tests.Context;

public sealed class ExtractiveSummarizerTests
{
    private static readonly DateTimeOffset T = Timelines.Start;

    private static TimelineEntry Entry(string id, int minutes, string actor, string kind, string text) => new(id, T.AddMinutes(minutes), actor, kind, text);

    [Fact]
    public void The_summary_quotes_the_weightiest_entries_in_chronological_order_with_time_actor_and_kind()
    {
        var request = new ContextSummaryRequest("VPN outage for remote staff", "Remote staff cannot stay connected to the VPN.",
        [
            Entry("e1", 0, "Ana Ruiz", "client.message", "Hello team. Our remote staff cannot connect to the VPN since this morning, sales are blocked."),
            Entry("e2", 5, "system", "system.log", "Ticket created by mail integration."),
            Entry("e3", 30, "Ben Okafor", "resolution.attempt", "Restarted the VPN concentrator. Connections recovered for ten minutes, then dropped again."),
            Entry("e4", 45, "system", "status.change", "Status changed from New to In progress."),
            Entry("e5", 90, "Ana Ruiz", "client.message", "This is now critical: the whole sales floor is down and we lose revenue every hour."),
        ]);

        var summary = new ExtractiveSummarizer(new ContextSummaryOptions { MaxSentences = 3 }).Summarize(request);

        Assert.Equal(SummaryMethods.Extractive, summary.Method);
        Assert.Equal(
        [
            "On 3 Mar 14:20 Ana Ruiz wrote: “Our remote staff cannot connect to the VPN since this morning, sales are blocked.”",
            "On 3 Mar 14:50 Ben Okafor recorded a resolution attempt: “Restarted the VPN concentrator. Connections recovered for ten minutes, then dropped again.”",
            "On 3 Mar 15:50 Ana Ruiz wrote: “This is now critical: the whole sales floor is down and we lose revenue every hour.”",
        ], summary.Sentences.Select(s => s.Text));
        Assert.Equal([["e1"], ["e3"], ["e5"]], summary.Sentences.Select(s => s.Citations));
    }

    [Fact]
    public void Repeats_of_the_same_point_are_one_sentence_citing_every_entry()
    {
        var request = new ContextSummaryRequest("Job failures", null,
        [
            Entry("a1", 0, "monitor", "system.alert", "job sync_orders failed in job_scheduler at 02:00"),
            Entry("a2", 60, "monitor", "system.alert", "job sync_orders failed in job_scheduler at 03:00"),
            Entry("a3", 120, "monitor", "system.alert", "job sync_orders failed in job_scheduler at 04:00"),
            Entry("n1", 130, "Kai", "agent.note", "Disk on the scheduler host is full; cleanup started."),
        ]);

        var summary = new ExtractiveSummarizer(new ContextSummaryOptions()).Summarize(request);

        Assert.Equal(2, summary.Sentences.Count);
        var alert = Assert.Single(summary.Sentences, s => s.Citations.Count == 3);
        Assert.Equal(["a1", "a2", "a3"], alert.Citations.Order(StringComparer.Ordinal));
        Assert.Contains("(also on ", alert.Text, StringComparison.Ordinal);
        Assert.Equal(["n1"], summary.Sentences[1].Citations);
    }

    [Fact]
    public void Long_sentences_are_cut_at_a_word_and_times_are_written_in_the_configured_zone_with_the_year_when_it_changes()
    {
        var longText = string.Join(' ', Enumerable.Repeat("the export keeps failing with a timeout", 12));
        var request = new ContextSummaryRequest("Export", null,
        [
            new TimelineEntry("x1", new DateTimeOffset(2025, 12, 31, 20, 0, 0, TimeSpan.Zero), "Lee", "client.message", longText),
            new TimelineEntry("x2", new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero), "Mo", "agent.note", "Escalated to the data team."),
        ]);

        var summary = new ExtractiveSummarizer(new ContextSummaryOptions { TimeZone = "Europe/Berlin" }).Summarize(request);

        var first = summary.Sentences[0].Text;
        Assert.StartsWith("On 31 Dec 2025 21:00 Lee wrote: “the export keeps failing", first, StringComparison.Ordinal);
        Assert.EndsWith("…”", first, StringComparison.Ordinal);
        Assert.True(first.Length < 320, first);
        Assert.StartsWith("On 2 Jan 2026 09:00 Mo noted:", summary.Sentences[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_timeline_or_one_without_words_gives_an_empty_summary()
    {
        var summarizer = new ExtractiveSummarizer(new ContextSummaryOptions());

        Assert.Empty(summarizer.Summarize(new ContextSummaryRequest("Nothing yet", null, [])).Sentences);
        Assert.Empty(summarizer.Summarize(new ContextSummaryRequest("Blank", null, [Entry("b", 0, "x", "note", "  \n - ")])).Sentences);
    }

    [Fact]
    public void The_fallback_reason_is_carried_when_the_summary_stands_in_for_a_model()
    {
        var summary = new ExtractiveSummarizer(new ContextSummaryOptions()).Summarize(
            new ContextSummaryRequest("t", null, [Entry("e", 0, "Ana", "client.message", "The portal shows error 503 for everyone.")]), SummaryFallbackReasons.Timeout);

        Assert.Equal(SummaryFallbackReasons.Timeout, summary.FallbackReason);
        Assert.Equal(["e"], Assert.Single(summary.Sentences).Citations);
    }
}
