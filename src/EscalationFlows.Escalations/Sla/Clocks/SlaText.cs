using System.Globalization;
using System.Text;
using EscalationFlows.Escalations.Sla.Calendars;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Plain-English formatting of SLA durations, instants and clock states (invariant culture, 24-hour clock).</summary>
public static class SlaText
{
    /// <summary>"2 h 10 min", "45 min", "0 min"; seconds are added when present ("22 min 30 s"); sub-second parts are dropped.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Duration(-duration);
        }

        var totalMinutes = duration.Ticks / TimeSpan.TicksPerMinute;
        var seconds = duration.Ticks % TimeSpan.TicksPerMinute / TimeSpan.TicksPerSecond;
        var (hours, minutes) = (totalMinutes / 60, totalMinutes % 60);
        var text = hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} h {minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} min");
        return seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text} {seconds} s") : text;
    }

    /// <summary>"paused 2 h 10 min awaiting client".</summary>
    public static string Pause(string reason, TimeSpan duration) => $"paused {Duration(duration)} {reason}";

    /// <summary>
    /// A local instant in the calendar's zone: "Mon 2025-01-06 09:00" (seconds when present); during an autumn
    /// overlap, when the local time happens twice, the UTC offset is added: "Sun 2025-10-26 02:30 (UTC+01:00)".
    /// </summary>
    public static string Instant(BusinessCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = calendar.ToLocal(instant);
        return $"{local.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)} {Clock(calendar, local)}";
    }

    /// <summary>
    /// A local span: "Mon 2025-01-06 09:00–12:00" within one date, "Fri 2025-01-10 17:00 – Mon 2025-01-13 08:00" across dates.
    /// </summary>
    public static string Range(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var localFrom = calendar.ToLocal(from);
        var localTo = calendar.ToLocal(to);
        return localFrom.Date == localTo.Date
            ? $"{Instant(calendar, from)}–{Clock(calendar, localTo)}"
            : $"{Instant(calendar, from)} – {Instant(calendar, to)}";
    }

    /// <summary>
    /// A note when the wall clock jumped inside a span (DST): "clocks went forward 1 h 0 min; the skipped local hour
    /// does not exist" or "clocks went back 1 h 0 min; the repeated local hour counts twice"; empty otherwise.
    /// </summary>
    public static string DstNote(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var shift = calendar.ToLocal(to).Offset - calendar.ToLocal(from).Offset;
        if (shift == TimeSpan.Zero)
        {
            return string.Empty;
        }

        return shift > TimeSpan.Zero
            ? $"clocks went forward {Duration(shift)}; the skipped local hour does not exist"
            : $"clocks went back {Duration(-shift)}; the repeated local hour counts twice";
    }

    /// <summary>
    /// One sentence about a clock: "Resolution SLA running: 5 h 10 min of 8 h 0 min counted (64 %), 2 h 50 min left;
    /// paused 2 h 10 min awaiting client; breach expected Tue 2025-01-07 10:50 (Europe/Berlin)."
    /// </summary>
    public static string Summary(SlaClockSnapshot snapshot, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(calendar);
        var metric = snapshot.Metric == SlaMetric.Response ? "Response" : "Resolution";
        if (snapshot.Status == SlaClockStatus.NotStarted)
        {
            return $"{metric} SLA not started; target {Duration(snapshot.Target)}.";
        }

        var text = new StringBuilder();
        var status = snapshot.Status switch
        {
            SlaClockStatus.Running => "running",
            SlaClockStatus.Paused => $"paused ({snapshot.PauseReason})",
            SlaClockStatus.Met => "met",
            _ => snapshot.IsPaused ? $"breached, paused ({snapshot.PauseReason})" : "breached",
        };
        text.Append(CultureInfo.InvariantCulture, $"{metric} SLA {status}: {Duration(snapshot.Elapsed)} of {Duration(snapshot.Target)} counted ({Math.Floor(snapshot.ElapsedPercent).ToString(CultureInfo.InvariantCulture)} %)");
        text.Append(snapshot.Overrun > TimeSpan.Zero
            ? $", over by {Duration(snapshot.Overrun)}"
            : $", {Duration(snapshot.Remaining)} left");
        foreach (var pause in snapshot.Pauses)
        {
            text.Append("; ").Append(Pause(pause.Reason, pause.WallTime));
        }

        if (snapshot.StoppedAt is { } stopped)
        {
            text.Append("; stopped ").Append(Instant(calendar, stopped));
        }

        if (snapshot.BreachedAt is { } breached)
        {
            text.Append("; deadline passed ").Append(Instant(calendar, breached));
        }
        else if (snapshot.PredictedBreachAt is { } predicted)
        {
            text.Append("; breach expected ").Append(Instant(calendar, predicted));
        }

        text.Append(" (").Append(calendar.TimeZone.Id).Append(").");
        return text.ToString();
    }

    private static string Clock(BusinessCalendar calendar, DateTimeOffset local)
    {
        var format = local.Second != 0 ? "HH:mm:ss" : "HH:mm";
        var clock = local.ToString(format, CultureInfo.InvariantCulture);
        return calendar.TimeZone.IsAmbiguousTime(local)
            ? $"{clock} (UTC{local.ToString("zzz", CultureInfo.InvariantCulture)})"
            : clock;
    }
}
