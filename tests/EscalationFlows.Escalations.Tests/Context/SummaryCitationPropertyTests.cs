using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Tests.Context.Support;

namespace EscalationFlows.Escalations.Tests.Context;

/// <summary>
/// Every sentence of an extractive summary cites at least one entry that exists, quotes that entry verbatim, and the
/// sentences come in chronological order — over many generated timelines and over real service-desk ticket texts.
/// </summary>
public sealed class SummaryCitationPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Over_generated_timelines_every_sentence_cites_and_quotes_an_existing_entry()
    {
        var nonEmpty = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var max = 1 + (seed % 7);
            var summarizer = new ExtractiveSummarizer(new ContextSummaryOptions { MaxSentences = max, TimeZone = seed % 2 == 0 ? "UTC" : "Europe/Berlin" });
            var request = Timelines.Random(seed);

            var summary = summarizer.Summarize(request);

            Assert.Equal(SummaryMethods.Extractive, summary.Method);
            Assert.Null(summary.FallbackReason);
            SummaryInvariants.AssertHolds(request, summary, max, $"seed {seed}");
            if (request.Timeline.Any(e => e.Text.Any(char.IsLetter)))
            {
                Assert.NotEmpty(summary.Sentences);
                nonEmpty++;
            }
        }

        output.WriteLine($"{nonEmpty} of 600 generated timelines had text; all their summaries cite existing entries.");
    }

    [Fact]
    public void Over_real_ticket_texts_every_sentence_cites_and_quotes_an_existing_entry()
    {
        var rows = TicketCsv.TryLoad();
        if (rows is null)
        {
            Assert.Skip($"The ticket data set is absent ({TicketCsv.Path}); it is read from the shared data folder and never committed.");
        }

        var summarizer = new ExtractiveSummarizer(new ContextSummaryOptions());
        var timelines = 0;
        var sentences = 0;
        var empty = 0;
        for (var first = 0; first < rows.Count; first += 25)
        {
            var request = Timelines.FromTickets(rows, first, 1 + (first / 25 % 25));
            var summary = summarizer.Summarize(request);
            SummaryInvariants.AssertHolds(request, summary, 5, $"rows from {first}");
            timelines++;
            sentences += summary.Sentences.Count;
            empty += summary.Sentences.Count == 0 ? 1 : 0;
        }

        output.WriteLine($"{rows.Count} ticket rows → {timelines} timelines, {sentences} cited sentences, {empty} empty summaries.");
        Assert.Equal(8500, rows.Count);
        Assert.True(empty * 100 < timelines, $"{empty} of {timelines} summaries are empty");
    }
}
