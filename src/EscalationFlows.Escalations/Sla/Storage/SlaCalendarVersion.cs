using EscalationFlows.Escalations.Sla.Calendars;

namespace EscalationFlows.Escalations.Sla.Storage;

/// <summary>One stored version of a business calendar (table <c>sla_calendars</c>); versions are never changed once saved.</summary>
/// <param name="Definition">The calendar in its normalised JSON form.</param>
/// <param name="Calendar">The calendar built from it (immutable, shared).</param>
/// <param name="Version">1, 2, …</param>
/// <param name="CreatedAt">When the version was saved.</param>
public sealed record SlaCalendarVersion(BusinessCalendarDefinition Definition, BusinessCalendar Calendar, int Version, DateTimeOffset CreatedAt);
