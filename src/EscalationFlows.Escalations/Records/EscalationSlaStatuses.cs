namespace EscalationFlows.Escalations.Records;

/// <summary>
/// The SLA status kept on an escalation for lists and routing: the same words the studio's decision table offers
/// (onTrack, atRisk, breached) plus paused and met. <see cref="Normalize"/> accepts kebab, camel and snake case.
/// </summary>
public static class EscalationSlaStatuses
{
    public const string OnTrack = "onTrack";
    public const string AtRisk = "atRisk";
    public const string Breached = "breached";
    public const string Paused = "paused";
    public const string Met = "met";

    public static IReadOnlyList<string> All { get; } = [OnTrack, AtRisk, Breached, Paused, Met];

    /// <summary>The canonical status for "on-track", "on_track", "OnTrack"...; null when unknown.</summary>
    public static string? Normalize(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return null;
        }

        var key = Key(status);
        return All.FirstOrDefault(s => Key(s) == key);
    }

    private static string Key(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
