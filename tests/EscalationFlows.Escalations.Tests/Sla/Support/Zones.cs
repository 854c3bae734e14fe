using EscalationFlows.Escalations.Sla.Calendars;

namespace EscalationFlows.Escalations.Tests.Sla.Support;

/// <summary>Time zones the tests need; a test skips (saying why) when the machine's tz database lacks one.</summary>
internal static class Zones
{
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";

    public static void Require(string id)
    {
        if (!BusinessCalendar.TryFindTimeZone(id, out _, out var error))
        {
            Assert.Skip($"Time zone {id} is not available on this machine (.NET reads the system tz database, /usr/share/zoneinfo from the tzdata package): {error}");
        }
    }
}
