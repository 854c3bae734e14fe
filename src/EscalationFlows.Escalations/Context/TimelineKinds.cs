namespace EscalationFlows.Escalations.Context;

/// <summary>
/// What the extractive summarizer makes of an entry's free-text <see cref="TimelineEntry.Kind"/>: how much it weighs
/// and which verb introduces its quote. Matched on keywords in the kind ("client.message" → client), first match wins.
/// </summary>
internal static class TimelineKinds
{
    private static readonly (string[] Keywords, double Weight, string Verb)[] Profiles =
    [
        (["client", "customer", "requester", "caller"], 1.0, "wrote"),
        (["attempt", "resolution", "workaround", "fix"], 0.9, "recorded a resolution attempt"),
        (["breach", "sla"], 0.85, "recorded an SLA event"),
        (["escalat"], 0.85, "escalated"),
        (["status", "state"], 0.7, "changed the status"),
        (["priority", "severity"], 0.7, "changed the priority"),
        (["assign", "route", "transfer"], 0.6, "changed the assignment"),
        (["note", "comment", "message", "mail", "call", "reply"], 0.6, "noted"),
        (["system", "log", "audit", "event", "monitor", "alert"], 0.35, "logged"),
    ];

    public static double Weight(string kind) => Find(kind)?.Weight ?? 0.5;

    public static string Verb(string kind) => Find(kind)?.Verb ?? (string.IsNullOrWhiteSpace(kind) ? "recorded" : $"recorded ({kind.Trim()})");

    private static (string[] Keywords, double Weight, string Verb)? Find(string kind)
    {
        foreach (var profile in Profiles)
        {
            if (profile.Keywords.Any(k => kind.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                return profile;
            }
        }

        return null;
    }
}
