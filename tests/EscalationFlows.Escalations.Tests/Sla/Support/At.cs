using System.Globalization;

namespace EscalationFlows.Escalations.Tests.Sla.Support;

/// <summary>Instants written the way the expected values were worked out by hand.</summary>
internal static class At
{
    /// <summary>A UTC instant from "yyyy-MM-dd HH:mm" (or with seconds).</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>An instant from local "yyyy-MM-dd HH:mm" and an explicit offset such as "+01:00" (no zone lookup involved).</summary>
    public static DateTimeOffset Local(string text, string offset) =>
        DateTimeOffset.ParseExact($"{text} {offset}", ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Berlin winter time (CET, UTC+01:00).</summary>
    public static DateTimeOffset Cet(string text) => Local(text, "+01:00");

    /// <summary>Berlin summer time (CEST, UTC+02:00).</summary>
    public static DateTimeOffset Cest(string text) => Local(text, "+02:00");

    /// <summary>New York winter time (EST, UTC-05:00).</summary>
    public static DateTimeOffset Est(string text) => Local(text, "-05:00");

    /// <summary>New York summer time (EDT, UTC-04:00).</summary>
    public static DateTimeOffset Edt(string text) => Local(text, "-04:00");

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan Min(int minutes) => TimeSpan.FromMinutes(minutes);
}
