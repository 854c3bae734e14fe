using EscalationFlows.Escalations.Context;

namespace EscalationFlows.Escalations.Tests.Context.Support;

/// <summary>Timelines for the summary tests: random ones from a seed, and ones made of real ticket texts.</summary>
public static class Timelines
{
    public static readonly DateTimeOffset Start = new(2026, 3, 3, 14, 20, 0, TimeSpan.Zero);

    public static readonly string[] Kinds =
        ["client.message", "agent.note", "status.change", "resolution.attempt", "sla.breach", "system.log", "priority.change", "assignment", "escalated", "custom-kind", ""];

    private static readonly string[] Words =
    [
        "vpn", "outage", "printer", "invoice", "login", "password", "reset", "critical", "urgent", "unable", "access", "server", "database",
        "timeout", "customer", "refund", "restart", "patch", "network", "latency", "error", "failed", "works", "again", "ticket", "call",
        "müller", "größe", "日本語", "😀", "o'neil", "e-mail", "re-open", "2026-03-03", "10.0.0.1", "+49 30 1234567", "ana@example.com",
    ];

    /// <summary>A random timeline of 0–40 entries: random kinds, actors, times (not in order), texts with several sentences, line breaks, bullets and blanks.</summary>
    public static ContextSummaryRequest Random(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(0, 41);
        var entries = new List<TimelineEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddMinutes(random.Next(0, 60 * 24 * 500)).ToOffset(TimeSpan.FromHours(random.Next(-8, 9)));
            var id = random.Next(5) == 0 ? $"entry {i} / {seed}" : $"e{i}";
            entries.Add(new TimelineEntry(id, at, random.Next(4) == 0 ? "" : $"Actor {random.Next(6)}", Kinds[random.Next(Kinds.Length)], Text(random),
                random.Next(3) == 0 ? "zendesk" : null));
        }

        return new ContextSummaryRequest(Sentence(random), random.Next(2) == 0 ? null : Sentence(random), entries,
            random.Next(2) == 0 ? null : [Sentence(random)]);
    }

    /// <summary>A timeline made of consecutive rows of the ticket data: each row's description is one entry by its caller.</summary>
    public static ContextSummaryRequest FromTickets(IReadOnlyList<TicketRow> rows, int first, int count)
    {
        var entries = new List<TimelineEntry>(count);
        for (var i = 0; i < count && first + i < rows.Count; i++)
        {
            var row = rows[first + i];
            entries.Add(new TimelineEntry($"row-{first + i}", Start.AddMinutes(37 * i), row.Caller, Kinds[i % Kinds.Length], row.Description, row.Group));
        }

        return new ContextSummaryRequest(rows[first].ShortDescription, rows[first].Description, entries);
    }

    private static string Text(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => "   \n  ",
        2 => "- first point\n- second point about the vpn outage\n\n* third",
        _ => string.Join(random.Next(3) == 0 ? "\n" : " ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Sentence(random))),
    };

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Words[random.Next(Words.Length)]);
        return string.Join(' ', words) + (random.Next(4) switch { 0 => ".", 1 => "!", 2 => "?", _ => "" });
    }
}
